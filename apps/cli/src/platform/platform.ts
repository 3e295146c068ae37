/**
 * Starts a Pedigree process: the embedded PostgreSQL and MQTT broker when no DATABASE_URL /
 * MQTT_URL is given, the migrations, then the chosen apps on one Fastify server. `stop()` closes
 * them in reverse order (apps, broker, database), so no postgres is left behind.
 */
import { LogLevel, StandardSchemaValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiExceptionFilter, observeHttpRequests } from '@pedigree/api';
import type { PedigreeConfig } from '@pedigree/config';
import { EmbeddedBroker, EmbeddedPostgres } from '@pedigree/embedded';
import { migrate } from '@pedigree/persistence';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PlatformModule, type AppName } from './platform.module';

export interface RunningPlatform {
  /** The API's base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  databaseUrl: string;
  mqttUrl?: string;
  /** Which services are embedded, for the start-up banner. */
  embedded: { database: boolean; broker: boolean };
  migrations: string[];
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'pedigree';
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * @throws Error saying what to set when a single app is asked for without external services, or
 *   when a service cannot start.
 */
export async function startPlatform(
  apps: readonly AppName[],
  config: PedigreeConfig,
): Promise<RunningPlatform> {
  const alone = apps.length === 1;
  if (alone && !config.DATABASE_URL) {
    throw new Error(
      `"pedigree start ${apps[0]}" runs one app in its own process and needs the shared services: ` +
        'set DATABASE_URL (and MQTT_URL for ingest), or use "pedigree start" to run everything on embedded services.',
    );
  }
  if (alone && apps[0] === 'ingest' && !config.MQTT_URL) {
    throw new Error('"pedigree start ingest" needs MQTT_URL: the broker the scanners publish to.');
  }
  const cleanup: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of cleanup.reverse().splice(0)) await step();
  };
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const database = new EmbeddedPostgres({
        dataDir: join(config.PEDIGREE_DATA_DIR, 'postgres'),
        port: config.PEDIGREE_EMBEDDED_PG_PORT,
      });
      await database.start();
      cleanup.push(() => database.stop());
      await database.createDatabase(EMBEDDED_DATABASE);
      databaseUrl = database.url(EMBEDDED_DATABASE);
    }
    let mqttUrl = config.MQTT_URL;
    if (!mqttUrl && apps.includes('ingest')) {
      const broker = new EmbeddedBroker(config.PEDIGREE_EMBEDDED_MQTT_PORT);
      await broker.start();
      cleanup.push(() => broker.stop());
      mqttUrl = broker.url();
    }
    const migrations = await migrate(databaseUrl);

    const app = await NestFactory.create<NestFastifyApplication>(
      PlatformModule.forRoot({
        apps,
        databaseUrl,
        mqttUrl,
        ingest: {
          // PORT 0 (tests) is no identity: two such processes must not take each other's session.
          clientId:
            config.PEDIGREE_INGEST_CLIENT_ID ??
            `pedigree-ingest-${hostname()}-${config.PORT || process.pid}`,
          batchMessages: config.PEDIGREE_INGEST_BATCH,
          lingerMs: config.PEDIGREE_INGEST_LINGER_MS,
        },
        adminKey: config.PEDIGREE_ADMIN_KEY,
        publicUrl: config.PEDIGREE_PUBLIC_URL,
        publicRateLimit: config.PEDIGREE_PUBLIC_RATE_LIMIT,
        webhookPrivateDestinations: config.PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS,
        sealer: {
          key: config.PEDIGREE_SEALER_KEY,
          origin: config.PEDIGREE_LOG_ORIGIN,
          intervalMs: config.PEDIGREE_BLOCK_INTERVAL_MS,
          maxEvents: config.PEDIGREE_BLOCK_MAX_EVENTS,
          dataDir: config.PEDIGREE_DATA_DIR,
        },
      }),
      new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
      { logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1), abortOnError: false },
    );
    cleanup.push(() => app.close());
    app.useGlobalPipes(new StandardSchemaValidationPipe());
    app.useGlobalFilters(new ApiExceptionFilter());
    observeHttpRequests(app.getHttpAdapter().getInstance());
    await app.listen(config.PORT, config.HOST).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new Error(`Port ${config.PORT} on ${config.HOST} is taken: set PORT to a free port.`)
        : error;
    });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      databaseUrl,
      mqttUrl,
      embedded: {
        database: !config.DATABASE_URL,
        broker: !config.MQTT_URL && mqttUrl !== undefined,
      },
      migrations,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
