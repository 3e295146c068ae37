/**
 * An MQTT broker inside the Pedigree process (aedes) for the zero-configuration default, on its
 * own port so it never collides with a Mosquitto on 1883.
 *
 * aedes speaks MQTT 3.1.1 only, keeps sessions in memory (they end with the process) and delivers
 * nothing on `$share/...` topics: production points MQTT_URL at Mosquitto or EMQX instead.
 */
import { createServer, type Server } from 'node:net';

export class EmbeddedBroker {
  private server?: Server;
  private broker?: { close(cb: () => void): void; handle: (socket: never) => void };

  constructor(private readonly port: number) {}

  url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  /**
   * Listens on 127.0.0.1.
   *
   * @throws Error naming PEDIGREE_EMBEDDED_MQTT_PORT when the port is taken.
   */
  async start(): Promise<void> {
    const { Aedes } = await import('aedes');
    const broker = await Aedes.createBroker();
    const server = createServer(broker.handle);
    await new Promise<void>((listening, fail) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        fail(
          new Error(
            error.code === 'EADDRINUSE'
              ? `Port ${this.port} for the embedded MQTT broker is taken: set PEDIGREE_EMBEDDED_MQTT_PORT to a free port, or MQTT_URL to a running broker.`
              : `The embedded MQTT broker could not listen on port ${this.port}: ${error.message}`,
          ),
        ),
      );
      server.listen(this.port, '127.0.0.1', () => listening());
    });
    this.broker = broker as never;
    this.server = server;
  }

  /** Closes client connections and the listener. Safe to call twice. */
  async stop(): Promise<void> {
    const { server, broker } = this;
    this.server = undefined;
    this.broker = undefined;
    if (broker) await new Promise<void>((done) => broker.close(() => done()));
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }
}
