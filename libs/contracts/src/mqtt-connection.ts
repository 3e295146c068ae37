/**
 * One MQTT client connection for a Pedigree process, with the settings that keep QoS 1 messages
 * across reconnects: a fixed client id and a persistent session. Reports its state to `/health`.
 */
import { connect, type IClientOptions, type MqttClient } from 'mqtt';

export interface MqttConnectionOptions {
  url: string;
  /** Fixed per replica (e.g. "pedigree-ingest-<host>"): the broker keeps its session by this id. */
  clientId: string;
  /** 5 where the broker speaks MQTT 5; 4 is 3.1.1 (the embedded broker). */
  protocolVersion?: 4 | 5;
}

export class MqttConnection {
  readonly name = 'broker';
  private client?: MqttClient;
  private lastError?: string;

  constructor(private readonly options: MqttConnectionOptions) {}

  /** Connects, waiting for the first CONNACK; later drops reconnect by themselves. */
  async open(): Promise<MqttClient> {
    const settings: IClientOptions = {
      clientId: this.options.clientId,
      clean: false,
      protocolVersion: this.options.protocolVersion ?? 4,
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
      ...(this.options.protocolVersion === 5 && {
        properties: { sessionExpiryInterval: 24 * 3600 },
      }),
    };
    const client = connect(this.options.url, settings);
    this.client = client;
    client.on('error', (error) => (this.lastError = error.message));
    client.on('offline', () => (this.lastError ??= 'the broker is unreachable'));
    client.on('connect', () => (this.lastError = undefined));
    await new Promise<void>((connected, fail) => {
      const timer = setTimeout(() => {
        client.end(true);
        fail(
          new Error(
            `Could not reach the MQTT broker at ${this.options.url} within 10 s` +
              `${this.lastError ? ` (${this.lastError})` : ''}: check MQTT_URL and that the broker runs.`,
          ),
        );
      }, 10_000);
      client.once('connect', () => {
        clearTimeout(timer);
        connected();
      });
    });
    return client;
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
}
