/**
 * The API process a benchmark measures, as `pedigree start api` runs it, on an embedded
 * PostgreSQL of its own in a fresh data folder: each benchmark has its own port, so none needs
 * the machine's services and two can run side by side.
 */
import { EmbeddedPostgres } from '@pedigree/embedded';
import { join } from 'node:path';
import { TEST_ADMIN_KEY } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';

export interface BenchApi {
  api: SpawnedPlatform;
  /** The database's URL, for a benchmark that also reads it. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Starts the database and the API, with `adminKey` as the platform admin's key. */
export async function benchApi(
  name: string,
  port: number,
  adminKey: string = TEST_ADMIN_KEY,
): Promise<BenchApi> {
  const dataDir = tempDataDir(`bench-${name}`);
  const database = new EmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port });
  await database.start();
  await database.createDatabase('pedigree');
  const databaseUrl = database.url('pedigree');
  const api = await spawnPlatform(
    { DATABASE_URL: databaseUrl, PEDIGREE_DATA_DIR: dataDir, PEDIGREE_ADMIN_KEY: adminKey },
    ['api'],
  );
  return {
    api,
    databaseUrl,
    stop: async () => {
      await api.stop();
      await database.stop();
    },
  };
}
