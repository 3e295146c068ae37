/**
 * The TypeORM DataSource for PostgreSQL. Schema changes are timestamped migrations with raw SQL,
 * run by `migrate()` at start-up and by the test harness; `synchronize` is never on.
 */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/** Options shared by the apps (through @nestjs/typeorm) and by `migrate()`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    entities: [],
    extra: { max: 10, application_name: 'pedigree' },
  };
}

/** Arbitrary constant naming the migration lock ("migr"). */
const MIGRATION_LOCK = 0x6d69_6772;

/**
 * Applies every pending migration, each in its own transaction, and returns their names.
 * Processes starting together take turns on an advisory lock, so each migration runs once.
 *
 * @throws Error with PostgreSQL's reason when the database is unreachable or a migration fails.
 */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
