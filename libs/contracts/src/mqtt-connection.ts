/**
 * One MQTT client connection for a Pedigree process, with the settings that keep QoS 1 messages
 * across reconnects: a fixed client id and a persistent session. It speaks MQTT 5 and falls back
 * to 3.1.1 when the broker refuses version 5 (the embedded aedes broker). Reports its state to
 * `/health`.
 */
import { connect, type IClientOptions, type MqttClient } from 'mqtt';

export interface MqttConnectionOptions {
  url: string;
  /** Fixed per replica (e.g. "pedigree-ingest-<host>"): the broker keeps its session by this id. */
  clientId: string;
  /** The CA certificate(s) to trust for an `mqtts:` URL, when not a public CA. */
  ca?: Uint8Array;
  /** MQTT 5: how many unacknowledged QoS 1 messages the broker may send at once (default 1,000). */
  receiveMaximum?: number;
}

/** CONNACK codes for "unsupported protocol version": MQTT 3.1.1 (1) and MQTT 5 (132). */
const UNSUPPORTED_VERSION = new Set([1, 132]);
const CONNECT_TIMEOUT_MS = 10_000;

export class MqttConnection {
  readonly name = 'broker';
  private client?: MqttClient;
  private lastError?: string;
  /** The protocol spoken once open: 5, or 4 (3.1.1) when the broker has no MQTT 5. */
  protocolVersion: 4 | 5 = 5;

  constructor(private readonly options: MqttConnectionOptions) {}

  /**
   * Connects, waiting for the first CONNACK; later drops reconnect by themselves. `prepare` is
   * called with each new client before it can receive anything: the place to install a
   * `handleMessage` that must see the messages of a resumed session too.
   */
  async open(prepare?: (client: MqttClient) => void): Promise<MqttClient> {
    try {
      return await this.connect(5, prepare);
    } catch (error) {
      if (!(error instanceof UnsupportedVersion)) throw error;
      return this.connect(4, prepare);
    }
  }

  async check(): Promise<{ healthy: boolean; state: string; reason?: string }> {
    return this.client?.connected
      ? { healthy: true, state: 'up' }
      : { healthy: false, state: 'down', reason: this.lastError ?? 'not connected' };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync();
  }

  private async connect(
    protocolVersion: 4 | 5,
    prepare?: (client: MqttClient) => void,
  ): Promise<MqttClient> {
    const settings: IClientOptions = {
      clientId: this.options.clientId,
      clean: false,
      protocolVersion,
      reconnectPeriod: 1_000,
      connectTimeout: CONNECT_TIMEOUT_MS,
      ...(this.options.ca && { ca: Buffer.from(this.options.ca) }),
      ...(protocolVersion === 5 && {
        properties: {
          sessionExpiryInterval: 24 * 3600,
          receiveMaximum: this.options.receiveMaximum ?? 1_000,
        },
      }),
    };
    const client = connect(this.options.url, settings);
    prepare?.(client);
    this.client = client;
    this.protocolVersion = protocolVersion;
    client.on('error', (error) => (this.lastError = error.message));
    client.on('offline', () => (this.lastError ??= 'the broker is unreachable'));
    client.on('connect', () => (this.lastError = undefined));
    await new Promise<void>((connected, fail) => {
      const stop = (error: Error) => {
        clearTimeout(timer);
        client.removeListener('error', refused);
        client.end(true);
        this.client = undefined;
        fail(error);
      };
      const refused = (error: Error & { code?: number }) => {
        if (error.code !== undefined && UNSUPPORTED_VERSION.has(error.code)) {
          stop(new UnsupportedVersion());
        }
      };
      const timer = setTimeout(
        () =>
          stop(
            new Error(
              `Could not reach the MQTT broker at ${this.options.url} within ${CONNECT_TIMEOUT_MS / 1000} s` +
                `${this.lastError ? ` (${this.lastError})` : ''}: check MQTT_URL and that the broker runs.`,
            ),
          ),
        CONNECT_TIMEOUT_MS,
      );
      client.on('error', refused);
      client.once('connect', () => {
        clearTimeout(timer);
        client.removeListener('error', refused);
        connected();
      });
    });
    return client;
  }
}

class UnsupportedVersion extends Error {}
