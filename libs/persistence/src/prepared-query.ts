/**
 * The hot lookups (an API key on every request, a pack on every verification) as named prepared
 * statements on the pool TypeORM already holds: PostgreSQL parses and plans each once per
 * connection instead of once per call, and the call skips TypeORM's query runner. Only for
 * read-only statements outside a transaction; everything else goes through TypeORM.
 */
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export async function preparedQuery<T>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  return (await pool.query<T & object>({ name, text, values })).rows;
}
