/**
 * A scanner's side of the MQTT protocol (docs/protocol.md): connects as the device (its id as
 * client id, a persistent session), subscribes to its verdict topic before it publishes, signs
 * each envelope with the device's key and keeps it in the outbox until its verdict arrives. On
 * every (re)connect, and for any envelope unanswered for `resendAfterMs`, it publishes the same
 * bytes again, which the platform answers with the first verdicts.
 */
import {
  MqttConnection,
  PROTOCOL_QOS,
  PROTOCOL_VERSION,
  decodeVerdictMessage,
  scanTopic,
  signEnvelope,
  verdictTopic,
  type Scan,
  type VerdictMessage,
} from '@pedigree/contracts';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import type { MqttClient } from 'mqtt';
import { Outbox } from './outbox';

export interface DeviceLinkOptions {
  /** The broker, e.g. mqtt://127.0.0.1:18830, or mqtts://<deviceId>:<password>@host:8883. */
  url: string;
  /** The CA certificate to trust for mqtts:, when the broker's is not from a public CA. */
  ca?: Uint8Array;
  /** The id the platform gave the device at enrolment. */
  deviceId: string;
  /** The device's 32-byte Ed25519 seed (`pedigree scanner enrol` keeps it in its key file). */
  seed: Uint8Array;
  /** The outbox's folder; undefined keeps it in memory. */
  outboxDir?: string;
  /** How long to wait for a verdict before publishing the envelope again (default 30 s). */
  resendAfterMs?: number;
  /** Called with the verdicts for envelopes an earlier run sent (nobody in this run waits for them). */
  onEarlierVerdict?: (verdicts: VerdictMessage) => void;
}

export class DeviceLink {
  private readonly outbox: Outbox;
  private readonly waiters = new Map<number, (verdicts: VerdictMessage) => void>();
  private readonly sentAt = new Map<number, number>();
  private readonly mqtt: MqttConnection;
  private client?: MqttClient;
  private timer?: NodeJS.Timeout;

  private constructor(private readonly options: DeviceLinkOptions) {
    this.outbox = new Outbox(options.outboxDir);
    this.mqtt = new MqttConnection({
      url: options.url,
      clientId: options.deviceId,
      ca: options.ca,
    });
  }

  /**
   * Connects and sends what the outbox still holds from an earlier run.
   * @throws Error when the broker cannot be reached within 10 s, or the outbox folder not read
   */
  static async open(options: DeviceLinkOptions): Promise<DeviceLink> {
    const link = new DeviceLink(options);
    await link.mqtt.open((client) => link.attach(client));
    const every = Math.min(options.resendAfterMs ?? 30_000, 5_000);
    link.timer = setInterval(() => link.resendOverdue(), every);
    link.timer.unref();
    return link;
  }

  /** Envelopes sent and not answered yet (including ones from an earlier run). */
  get waiting(): number {
    return this.outbox.size;
  }

  /**
   * Signs the scans into one envelope with a fresh sequence number, keeps it in the outbox and
   * publishes it.
   * @returns the verdict message for it (after a restart, `onEarlierVerdict` gets it instead)
   */
  send(scans: readonly Scan[]): Promise<VerdictMessage> {
    const seq = this.outbox.nextSeq();
    const envelope = signEnvelope(nodeCryptoBackend, this.options.seed, {
      v: PROTOCOL_VERSION,
      device: this.options.deviceId,
      seq,
      sentAt: new Date().toISOString(),
      scans: [...scans],
    });
    const bytes = new TextEncoder().encode(JSON.stringify(envelope));
    this.outbox.put(seq, bytes);
    const answer = new Promise<VerdictMessage>((resolve) => this.waiters.set(seq, resolve));
    this.publish(seq, bytes);
    return answer;
  }

  /** Disconnects; what is still waiting stays in the outbox for the next run. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.mqtt.close();
  }

  private attach(client: MqttClient): void {
    this.client = client;
    const topic = verdictTopic(this.options.deviceId);
    client.on('connect', () => {
      client.subscribe(topic, { qos: PROTOCOL_QOS }, (error) => {
        if (!error) for (const [seq, bytes] of this.outbox.pending()) this.publish(seq, bytes);
      });
    });
    client.on('message', (from, payload) => {
      if (from !== topic) return;
      const verdicts = decodeVerdictMessage(payload);
      if (verdicts === null || verdicts.seq === null) return;
      if (!this.outbox.settle(verdicts.seq)) return; // answered already: a second answer
      this.sentAt.delete(verdicts.seq);
      const waiter = this.waiters.get(verdicts.seq);
      this.waiters.delete(verdicts.seq);
      if (waiter) waiter(verdicts);
      else this.options.onEarlierVerdict?.(verdicts);
    });
  }

  private publish(seq: number, bytes: Uint8Array): void {
    this.sentAt.set(seq, Date.now());
    this.client?.publish(scanTopic(this.options.deviceId), Buffer.from(bytes), {
      qos: PROTOCOL_QOS,
    });
  }

  private resendOverdue(): void {
    const overdue = Date.now() - (this.options.resendAfterMs ?? 30_000);
    for (const [seq, bytes] of this.outbox.pending()) {
      if ((this.sentAt.get(seq) ?? 0) <= overdue && this.client?.connected)
        this.publish(seq, bytes);
    }
  }
}
