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

/**
 * Applies every pending migration, each in its own transaction, and returns their names.
 *
 * @throws Error with PostgreSQL's reason when the database is unreachable or a migration fails.
 */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
