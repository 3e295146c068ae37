/**
 * Turns a batch of MQTT messages into verdicts, in one transaction (docs/protocol.md): each
 * message is checked (bytes, device, signature, sequence number) and either quarantined with its
 * reason, answered again with its first verdicts (an identical redelivery), or accepted, its
 * scans judged and recorded through the event door. The caller commits the batch before it acks
 * a single message, so a crash at any instant loses nothing and a redelivery doubles nothing.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SCAN_STEP_ACTIONS,
  acceptedVerdicts,
  encodeVerdictMessage,
  envelopeDigest,
  parseEnvelope,
  parseScanTopic,
  quarantinedVerdicts,
  signingBytes,
  timestampMs,
  verifyEnvelope,
  type EnvelopeParseResult,
  type QuarantineReason,
  type ScanEnvelope,
} from '@pedigree/contracts';
import { fromBase64, toHex } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import {
  DeviceRepository,
  ScanInboxRepository,
  type AcceptedEnvelope,
  type DeviceSeen,
  type IngestDevice,
  type QuarantinedMessage,
} from '@pedigree/persistence';
import { EventRecorder, type ScanOutcome, type ScanStep } from '@pedigree/recording';
import { DataSource, type EntityManager } from 'typeorm';
import { countSettled, observeBatch, type BatchTally } from './ingest-metrics';
import { SignatureVerifier } from './signature-verifier';

/** One MQTT message as it arrived. */
export interface InboundMessage {
  topic: string;
  payload: Uint8Array;
}

/**
 * What to publish for one message: its verdict message (encoded) on the device's verdict topic;
 * null when the topic names no device, so there is nobody to tell.
 */
export type Answer = { deviceId: string; message: Uint8Array } | null;

/**
 * A message after the checks that need no transaction (its bytes, and its signature against the
 * device's key, which never changes): `check` runs them while the previous batch commits.
 */
export interface CheckedMessage {
  message: InboundMessage;
  /** Why the bytes or the topic are refused, or the envelope they hold. */
  parsed:
    | { ok: false; reason: QuarantineReason; detail: string; seq: number | null }
    | { ok: true; envelope: ScanEnvelope; digest: Uint8Array };
  /** Whether the signature verifies with the device's key; null when no device has that id. */
  signed: boolean | null;
}

/** A message that passed every check but the sequence number, with what it needs from then on. */
interface Accepted {
  index: number;
  envelope: ScanEnvelope;
  device: IngestDevice;
  digest: Uint8Array;
  key: string;
}

/** Device keys kept in memory: a device's key never changes, so they are never stale. */
const KEY_CACHE_SIZE = 100_000;

@Injectable()
export class EnvelopeIngest {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly devices: DeviceRepository,
    private readonly inbox: ScanInboxRepository,
    private readonly recorder: EventRecorder,
    private readonly signatures: SignatureVerifier,
  ) {}

  private readonly keys = new Map<string, Uint8Array>();

  /**
   * The checks that need no transaction: the bytes (size, JSON, version, schema, topic) and the
   * signature, with the device keys from a cache filled from the database.
   * @throws whatever the database throws when it looks up keys it has not seen yet
   */
  async check(messages: readonly InboundMessage[]): Promise<CheckedMessage[]> {
    const parsed = messages.map(
      (message): EnvelopeParseResult | Extract<CheckedMessage['parsed'], { ok: false }> => {
        const topicDevice = parseScanTopic(message.topic);
        if (topicDevice === null) {
          const detail = `the topic ${JSON.stringify(message.topic)} is not a device's scan topic (pedigree/v1/devices/{deviceId}/scans)`;
          return { ok: false, reason: 'SCHEMA', detail, seq: null };
        }
        return parseEnvelope(message.payload, { topicDevice });
      },
    );
    const missing = [
      ...new Set(
        parsed.flatMap((p) =>
          p.ok && !this.keys.has(p.envelope.device) ? [p.envelope.device] : [],
        ),
      ),
    ];
    if (missing.length > 0) {
      if (this.keys.size + missing.length > KEY_CACHE_SIZE) this.keys.clear();
      for (const { id, publicKey } of await this.devices.publicKeys(missing)) {
        this.keys.set(id, publicKey);
      }
    }
    const signed = parsed.map((result) =>
      result.ok ? signingBytes(result.envelope) : new Uint8Array(0),
    );
    const checks = parsed.flatMap((result, i) => {
      const publicKey = result.ok ? this.keys.get(result.envelope.device) : undefined;
      return result.ok && publicKey
        ? [{ index: i, publicKey, message: signed[i]!, signature: fromBase64(result.envelope.sig) }]
        : [];
    });
    const valid = await this.signatures.verifyMany(checks);
    const verdict = new Map(checks.map((check, k) => [check.index, valid[k]!]));
    return messages.map((message, i) => {
      const result = parsed[i]!;
      if (!result.ok) return { message, parsed: result, signed: null };
      return {
        message,
        parsed: {
          ok: true,
          envelope: result.envelope,
          digest: envelopeDigest(nodeCryptoBackend, result.envelope, signed[i]),
        },
        signed: verdict.get(i) ?? null,
      };
    });
  }

  /**
   * Checks the rest (device enrolled and not revoked, sequence number), records and answers a
   * batch of checked messages in one transaction.
   * @returns one answer per message, in the order given
   * @throws whatever the database throws: nothing of the batch is committed then
   */
  async ingest(checked: readonly CheckedMessage[]): Promise<Answer[]> {
    const started = performance.now();
    const { answers, tally } = await this.db.transaction((tx) => this.inTransaction(checked, tx));
    countSettled(tally);
    observeBatch(checked.length, (performance.now() - started) / 1_000);
    return answers;
  }

  /** True when the database answers a trivial query: tells an outage from a poisonous message. */
  async databaseAnswers(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Quarantines messages the ingest could not record after repeated tries (a fault of the
   * platform, not of the message), so they can be acked instead of blocking the queue.
   */
  async giveUp(messages: readonly InboundMessage[], error: unknown): Promise<Answer[]> {
    const detail = `the platform could not record this message (${error instanceof Error ? error.message : String(error)}); it is kept in quarantine for an administrator`;
    const answers = await this.db.transaction(async (tx) => {
      const owners = await this.owners(messages, tx);
      const rows = messages.map((m) => {
        const parsed = parseEnvelope(m.payload);
        const seq = parsed.ok ? parsed.envelope.seq : parsed.seq;
        return quarantineRow(m, 'PROCESSING_FAILED', detail, seq, owners);
      });
      await this.inbox.quarantine(rows, tx);
      return rows.map((row) => answerTo(row, 'PROCESSING_FAILED'));
    });
    const quarantineReasons = answers.map(() => 'PROCESSING_FAILED');
    countSettled({ accepted: 0, answeredAgain: 0, quarantineReasons, verdictCodes: [] });
    return answers;
  }

  private async inTransaction(
    checked: readonly CheckedMessage[],
    tx: EntityManager,
  ): Promise<{ answers: Answer[]; tally: BatchTally }> {
    const messages = checked.map((c) => c.message);
    const answers: Answer[] = new Array(messages.length);
    const devices = await this.owners(messages, tx);
    const quarantined: QuarantinedMessage[] = [];
    const quarantine = (
      index: number,
      reason: QuarantineReason,
      detail: string,
      seq: number | null,
    ) => {
      const row = quarantineRow(messages[index]!, reason, detail, seq, devices);
      quarantined.push(row);
      answers[index] = answerTo(row, reason);
    };

    const candidates: Accepted[] = [];
    checked.forEach(({ parsed, signed }, index) => {
      if (!parsed.ok) return quarantine(index, parsed.reason, parsed.detail, parsed.seq);
      const { envelope, digest } = parsed;
      const device = devices.get(envelope.device);
      if (!device) {
        const detail = `no scanner with id ${envelope.device} is enrolled: enrol it through POST /devices with its public key`;
        return quarantine(index, 'UNKNOWN_DEVICE', detail, envelope.seq);
      }
      if (device.revoked) {
        const detail = `scanner ${envelope.device} was revoked; its scans are refused`;
        return quarantine(index, 'DEVICE_REVOKED', detail, envelope.seq);
      }
      // Enrolled since the check: verify now.
      const valid = signed ?? verifyEnvelope(nodeCryptoBackend, device.publicKey, envelope);
      if (!valid) {
        const detail = `the signature does not verify with the key enrolled for scanner ${envelope.device}`;
        return quarantine(index, 'BAD_SIGNATURE', detail, envelope.seq);
      }
      candidates.push({
        index,
        envelope,
        device,
        digest,
        key: `${envelope.device}/${envelope.seq}`,
      });
    });

    // Sequence numbers: an identical redelivery is answered again, a different one is a replay.
    // Within the batch the first of two messages with one (device, seq) is the one judged.
    const earlier = new Map(
      (
        await this.inbox.findAccepted(
          candidates.map((c) => ({ deviceId: c.device.id, seq: c.envelope.seq })),
          tx,
        )
      ).map((row) => [`${row.deviceId}/${row.seq}`, row]),
    );
    const fresh: Accepted[] = [];
    const firstInBatch = new Map<string, Accepted>();
    const sameAs: Array<[Accepted, Accepted]> = [];
    for (const message of candidates) {
      const stored = earlier.get(message.key);
      const first = firstInBatch.get(message.key);
      const digest = stored?.digest ?? first?.digest;
      if (digest === undefined) {
        firstInBatch.set(message.key, message);
        fresh.push(message);
      } else if (toHex(digest) !== toHex(message.digest)) {
        const detail = `sequence number ${message.envelope.seq} of scanner ${message.device.id} was already used for a message with different content`;
        quarantine(message.index, 'REPLAYED_SEQUENCE', detail, message.envelope.seq);
      } else if (stored) {
        answers[message.index] = { deviceId: message.device.id, message: stored.answer };
      } else sameAs.push([message, first!]);
    }

    const outcomes = await this.judge(fresh, tx);
    const accepted: AcceptedEnvelope[] = [];
    const seen: DeviceSeen[] = [];
    let at = 0;
    for (const message of fresh) {
      const count = message.envelope.scans.length;
      const answer = encodeVerdictMessage(
        acceptedVerdicts(message.envelope, outcomes.slice(at, at + count)),
      );
      at += count;
      answers[message.index] = { deviceId: message.device.id, message: answer };
      accepted.push({
        deviceId: message.device.id,
        seq: message.envelope.seq,
        digest: message.digest,
        payload: messages[message.index]!.payload,
        answer,
      });
      seen.push({ deviceId: message.device.id, envelopes: 1, scans: count });
    }
    for (const [message, first] of sameAs) answers[message.index] = answers[first.index]!;
    await this.inbox.insertAccepted(accepted, tx);
    await this.inbox.quarantine(quarantined, tx);
    await this.devices.recordSeenMany(seen, tx);
    const tally: BatchTally = {
      accepted: accepted.length,
      answeredAgain: messages.length - accepted.length - quarantined.length,
      quarantineReasons: quarantined.map((row) => row.reason),
      verdictCodes: outcomes.map((outcome) => outcome.code),
    };
    return { answers, tally };
  }

  /**
   * Every scan of the fresh envelopes, judged and recorded: a scan must name the site its
   * scanner is enrolled at; the event door judges the rest.
   * @returns one outcome per scan, envelope after envelope
   */
  private async judge(fresh: readonly Accepted[], tx: EntityManager): Promise<ScanOutcome[]> {
    const outcomes: ScanOutcome[] = [];
    const steps: ScanStep[] = [];
    const stepIndex: number[] = [];
    for (const { envelope, device } of fresh) {
      for (const scan of envelope.scans) {
        if (scan.site !== device.siteGln) {
          outcomes.push({
            code: 'WRONG_CUSTODY',
            detail: `this scanner is enrolled at site ${device.siteGln}, but the scan names site ${scan.site}`,
          });
          continue;
        }
        stepIndex.push(outcomes.length);
        outcomes.push({ code: 'OK' });
        steps.push({
          organisationId: device.organisationId,
          site: { id: device.siteId, gln: device.siteGln },
          action: SCAN_STEP_ACTIONS[scan.step],
          raw: scan.raw,
          at: new Date(timestampMs(scan.at)!),
          destinationGln: scan.destination,
        });
      }
    }
    const recorded = await this.recorder.recordScans(steps, tx);
    recorded.forEach((outcome, i) => (outcomes[stepIndex[i]!] = outcome));
    return outcomes;
  }

  /** The enrolled devices the messages' topics name, locked for the batch. */
  private async owners(
    messages: readonly InboundMessage[],
    tx: EntityManager,
  ): Promise<Map<string, IngestDevice>> {
    const ids = new Set(messages.flatMap((m) => parseScanTopic(m.topic) ?? []));
    const found = await this.devices.lockForIngest([...ids], tx);
    return new Map(found.map((device) => [device.id, device]));
  }
}

function quarantineRow(
  message: InboundMessage,
  reason: QuarantineReason,
  detail: string,
  seq: number | null,
  owners: ReadonlyMap<string, IngestDevice>,
): QuarantinedMessage {
  const deviceId = parseScanTopic(message.topic);
  return {
    topic: message.topic,
    deviceId,
    organisationId: (deviceId && owners.get(deviceId)?.organisationId) ?? null,
    seq,
    reason,
    detail,
    payload: message.payload,
  };
}

/** A quarantined message's answer, for the device its topic names. */
function answerTo(row: QuarantinedMessage, reason: QuarantineReason): Answer {
  if (row.deviceId === null) return null;
  return {
    deviceId: row.deviceId,
    message: encodeVerdictMessage(quarantinedVerdicts(row.deviceId, row.seq, reason, row.detail)),
  };
}
