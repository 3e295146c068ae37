/** Is PostgreSQL answering? A `SELECT 1` that must return within two seconds. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HealthCheck } from './health-check';

const TIMEOUT_MS = 2_000;

@Injectable()
export class DatabaseHealth implements HealthCheck {
  readonly name = 'database';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async check(): Promise<{ healthy: boolean; state: string; reason?: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    try {
      await Promise.race([this.db.query('SELECT 1'), timeout]);
      return { healthy: true, state: 'up' };
    } catch (error) {
      return { healthy: false, state: 'down', reason: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
