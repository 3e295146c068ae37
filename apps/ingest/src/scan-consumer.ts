/**
 * The MQTT side of the ingest: takes scan envelopes off the broker, has them recorded in batches
 * and acknowledges each one only after its batch committed (TOOLCHAIN.md, "Ack after commit").
 *
 * mqtt.js handles one packet at a time until `handleMessage` calls back, and sends the PUBACK
 * when it does. So the handler queues the message and calls back at once with an error, which
 * makes mqtt.js send no PUBACK and move on; the batch loop commits up to `batchMessages` queued
 * messages in one transaction, publishes their verdicts, then sends their PUBACKs itself, in
 * arrival order and only on the connection they arrived on (after a reconnect the broker sends
 * them again, and the ingest answers them again from what it stored).
 *
 * With MQTT 5 the replicas share the scan topic (`$share/ingest/...`) and the broker sends at most
 * `receiveMaximum` unacknowledged messages; a 3.1.1 broker (the embedded one) gets a plain
 * subscription, and the queue's bound holds mqtt.js back instead.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  MqttConnection,
  PROTOCOL_QOS,
  SCAN_TOPIC_FILTER,
  SHARED_SCAN_TOPIC_FILTER,
  verdictTopic,
} from '@pedigree/contracts';
import type { IPublishPacket, MqttClient, Packet } from 'mqtt';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EnvelopeIngest,
  type Answer,
  type CheckedMessage,
  type InboundMessage,
} from './envelope-ingest.service';

/** How the ingest batches, from the configuration. */
export interface IngestOptions {
  /** The most messages committed in one transaction. */
  batchMessages: number;
  /** How long to wait for a batch to fill once a message is waiting, in ms. */
  lingerMs: number;
}

export const INGEST_OPTIONS = Symbol('INGEST_OPTIONS');

/** Payload bytes per batch: keeps one transaction's scans bounded (about 15,000 scans). */
const BATCH_BYTES = 2 * 1024 * 1024;
/** Tries of a batch, and then of each of its messages alone, before a message is given up. */
const TRIES = 3;
/** Passed to mqtt.js's callback so it sends no PUBACK: the batch loop sends it after commit. */
const ACK_AFTER_COMMIT = new Error('acknowledged after the batch commits');

interface Queued {
  packet: IPublishPacket;
  /** The connection it arrived on: a PUBACK is only valid there. */
  connection: number;
}

/** mqtt.js 5.16's private packet writer (pinned in package.json; the ingest tests cover it). */
type PacketWriter = { _sendPacket(packet: Packet): void };

@Injectable()
export class ScanConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ingest');
  private readonly queue: Queued[] = [];
  private client?: MqttClient;
  private connection = 0;
  private wake?: () => void;
  private held?: () => void;
  private stopping = false;
  private loop?: Promise<void>;

  constructor(
    private readonly mqtt: MqttConnection,
    private readonly ingest: EnvelopeIngest,
    @Inject(INGEST_OPTIONS) private readonly options: IngestOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.client = await this.mqtt.open((client) => this.attach(client));
    if (this.mqtt.protocolVersion === 4) {
      this.logger.warn(
        'The broker speaks MQTT 3.1.1 only: the ingest subscribes without $share, so run one ingest replica against it.',
      );
    }
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.held?.();
    await this.loop;
    await this.mqtt.close();
  }

  private attach(client: MqttClient): void {
    client.on('connect', () => {
      this.connection += 1;
      const filter =
        client.options.protocolVersion === 5 ? SHARED_SCAN_TOPIC_FILTER : SCAN_TOPIC_FILTER;
      client.subscribe(filter, { qos: PROTOCOL_QOS }, (error) => {
        if (error) this.logger.error(`Could not subscribe to ${filter}: ${error.message}`);
      });
    });
    client.handleMessage = (packet, callback) => {
      if (packet.cmd !== 'publish' || this.stopping) return callback();
      this.queue.push({ packet, connection: this.connection });
      this.wake?.();
      const next = () => callback(packet.qos > 0 ? ACK_AFTER_COMMIT : undefined);
      // A full queue holds mqtt.js (and so the socket) back until the batch loop takes from it.
      if (this.queue.length >= 2 * this.options.batchMessages) this.held = next;
      else next();
    };
  }

  /**
   * Two stages: a batch's bytes and signatures are checked while the batch before it commits
   * (the Node process and PostgreSQL work at the same time), and batches commit one after the
   * other, so their acknowledgements keep the arrival order.
   */
  private async run(): Promise<void> {
    let committed: Promise<boolean> = Promise.resolve(true);
    while (!this.stopping) {
      if (this.queue.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      if (this.queue.length < this.options.batchMessages) await sleep(this.options.lingerMs);
      const batch = this.take();
      const release = this.held;
      this.held = undefined;
      release?.();
      const checked = await this.check(batch.map(({ packet }) => message(packet)));
      if (checked === null || !(await committed)) break;
      committed = this.settle(checked).then((answers) => {
        if (answers === null) return false;
        this.answer(batch, answers);
        return true;
      });
    }
    await committed;
  }

  /** The checks outside the transaction, tried again while the database cannot be reached. */
  private async check(messages: InboundMessage[]): Promise<CheckedMessage[] | null> {
    for (let wait = 100; !this.stopping; wait = Math.min(2 * wait, 30_000)) {
      try {
        return await this.ingest.check(messages);
      } catch (error) {
        this.logger.warn(`Cannot check messages (${describe(error)}); trying again in ${wait} ms.`);
        await sleep(wait);
      }
    }
    return null;
  }

  /** The oldest queued messages, up to the batch's message and byte budgets. */
  private take(): Queued[] {
    let count = 0;
    let bytes = 0;
    while (
      count < this.queue.length &&
      count < this.options.batchMessages &&
      (count === 0 || bytes + this.queue[count]!.packet.payload.length <= BATCH_BYTES)
    ) {
      bytes += this.queue[count]!.packet.payload.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  /**
   * Records the messages, trying again on failure; a batch that keeps failing is tried message by
   * message, and a message that keeps failing while the database answers is quarantined as
   * PROCESSING_FAILED. Never gives up while the database is down.
   * @returns the answers, or null when the process is stopping (nothing is acked then)
   */
  private async settle(messages: CheckedMessage[]): Promise<Answer[] | null> {
    let failure: unknown;
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      try {
        return await this.ingest.ingest(messages);
      } catch (error) {
        failure = error;
        this.logger.warn(
          `Recording ${messages.length} message(s) failed (try ${attempt} of ${TRIES}): ${describe(error)}`,
        );
        if (this.stopping) return null;
        await sleep(50 * 2 ** attempt);
      }
    }
    if (messages.length > 1) {
      const answers: Answer[] = [];
      for (const one of messages) {
        const answer = await this.settle([one]);
        if (answer === null) return null;
        answers.push(...answer);
      }
      return answers;
    }
    let outage = false;
    for (let wait = 1_000; !this.stopping; wait = Math.min(2 * wait, 30_000)) {
      if (await this.ingest.databaseAnswers()) {
        // Back after an outage: the failures were the outage's, so the message gets fresh tries.
        if (outage) return this.settle(messages);
        this.logger.error(
          `Quarantining a message on ${messages[0]!.message.topic} that failed ${TRIES} times: ${describe(failure)}`,
        );
        try {
          return await this.ingest.giveUp(
            messages.map((m) => m.message),
            failure,
          );
        } catch (error) {
          failure = error;
        }
      }
      outage = true;
      this.logger.warn(`Cannot record (${describe(failure)}); trying again in ${wait} ms.`);
      await sleep(wait);
    }
    return null;
  }

  /** Publishes the verdicts, then acknowledges the messages, in arrival order. */
  private answer(batch: readonly Queued[], answers: readonly Answer[]): void {
    const client = this.client!;
    batch.forEach(({ packet, connection }, i) => {
      const answer = answers[i];
      if (answer) {
        client.publish(verdictTopic(answer.deviceId), Buffer.from(answer.message), {
          qos: PROTOCOL_QOS,
        });
      }
      if (packet.qos > 0 && connection === this.connection && client.connected) {
        (client as unknown as PacketWriter)._sendPacket({
          cmd: 'puback',
          messageId: packet.messageId,
        });
      }
    });
  }
}

function message(packet: IPublishPacket): InboundMessage {
  const payload = packet.payload;
  return {
    topic: packet.topic,
    payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
