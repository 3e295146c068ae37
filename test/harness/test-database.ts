/**
 * A database per Jest worker on the run's PostgreSQL server, migrated. Test files that share a
 * worker share its database, so tests make their own unique names and GLNs.
 */
import { migrate } from '@pedigree/persistence';
import { Client } from 'pg';
import { serverUrl } from './services';

/**
 * `purpose` gives a test a fresh database of its own (dropped and made again), for state it must
 * not share with other files or earlier runs (e.g. revocations).
 */
export async function workerDatabaseUrl(purpose?: string): Promise<string> {
  const name = `pedigree_test_w${process.env.JEST_WORKER_ID ?? '1'}${purpose ? `_${purpose}` : ''}`;
  const server = new URL(serverUrl());
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    if (purpose) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  server.pathname = `/${name}`;
  await migrate(server.toString());
  return server.toString();
}
