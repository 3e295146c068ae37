/**
 * Only one sealer may extend the chain. Each sealer process holds a dedicated PostgreSQL session
 * and tries a session-level advisory lock on it; the holder is active, the others stand by and
 * retry every second. The lock dies with the holder's session, so a standby takes over within
 * about a second of the active sealer's death. The active sealer pings its lock session every
 * second: if that session is gone, so is the lock, and it stands down instead of sealing on (the
 * sealing transaction's height check would refuse a fork anyway).
 */
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';

/** Arbitrary constant naming the sealer lock ("seal"). */
export const SEALER_LOCK = 0x7365_616c;
const RETRY_MS = 1_000;

@Injectable()
export class SealerLeadership implements OnModuleInit, OnModuleDestroy {
  readonly name = 'sealer';
  private readonly logger = new Logger('sealer');
  private session?: QueryRunner;
  private active = false;
  private lastError?: string;
  private timer?: NodeJS.Timeout;
  /** The look at the lock under way, if any: a session is released only after it. */
  private attempt?: Promise<void>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A session released while it is still connecting stays in TypeORM's list of connected
    // runners, released, and the pool's shutdown would wait on it forever (a busy loop).
    await this.attempt;
    const session = this.session;
    this.session = undefined;
    this.active = false;
    await session?.release();
  }

  isActive(): boolean {
    return this.active;
  }

  async check(): Promise<{ healthy: boolean; state: string; reason?: string }> {
    if (this.lastError) return { healthy: false, state: 'down', reason: this.lastError };
    return { healthy: true, state: this.active ? 'active' : 'standby' };
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => this.track(this.tryLead()), delay);
  }

  private track(attempt: Promise<void>): void {
    this.attempt = attempt.finally(() => (this.attempt = undefined));
  }

  private async tryLead(): Promise<void> {
    try {
      this.session ??= this.db.createQueryRunner();
      const [{ locked }] = await this.session.query('SELECT pg_try_advisory_lock($1) AS locked', [
        SEALER_LOCK,
      ]);
      this.lastError = undefined;
      if (locked) {
        this.active = true;
        this.logger.log('This sealer is active.');
        if (this.timer) this.timer = setTimeout(() => this.track(this.ping()), RETRY_MS);
        return;
      }
    } catch (error) {
      await this.lose(error);
    }
    if (this.timer) this.schedule(RETRY_MS);
  }

  /** While active: is the session that holds the lock still alive? */
  private async ping(): Promise<void> {
    try {
      await this.session?.query('SELECT 1');
      if (this.timer) this.timer = setTimeout(() => this.track(this.ping()), RETRY_MS);
      return;
    } catch (error) {
      if (this.active) this.logger.warn('Lost the sealer lock session; standing by.');
      await this.lose(error);
    }
    if (this.timer) this.schedule(RETRY_MS);
  }

  private async lose(error: unknown): Promise<void> {
    this.active = false;
    this.lastError = (error as Error).message;
    await this.session?.release().catch(() => undefined);
    this.session = undefined;
  }
}
