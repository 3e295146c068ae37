/**
 * Once per Jest run, for the integration project: build dist/ (the e2e suites spawn it), and start
 * the embedded PostgreSQL and broker unless DATABASE_URL / MQTT_URL point at running ones.
 */
import { EmbeddedBroker, EmbeddedPostgres } from '@pedigree/embedded';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  BROKER_URL_VARIABLE,
  SERVER_URL_VARIABLE,
  TEST_EMBEDDED_MQTT_PORT,
  TEST_EMBEDDED_PG_PORT,
} from './services';
import { tempDataDir } from './temp-dir';

declare global {
  var pedigreeTestServices: Array<{ stop(): Promise<void> }> | undefined;
}

export default async function globalSetup(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const services: Array<{ stop(): Promise<void> }> = [];
  globalThis.pedigreeTestServices = services;
  if (process.env.DATABASE_URL) {
    process.env[SERVER_URL_VARIABLE] = process.env.DATABASE_URL;
  } else {
    const database = new EmbeddedPostgres({
      dataDir: join(tempDataDir('test'), 'postgres'),
      port: TEST_EMBEDDED_PG_PORT,
    });
    await database.start();
    services.push(database);
    process.env[SERVER_URL_VARIABLE] = database.url();
  }
  if (process.env.MQTT_URL) {
    process.env[BROKER_URL_VARIABLE] = process.env.MQTT_URL;
  } else {
    const broker = new EmbeddedBroker(TEST_EMBEDDED_MQTT_PORT);
    await broker.start();
    services.push(broker);
    process.env[BROKER_URL_VARIABLE] = broker.url();
  }
}
