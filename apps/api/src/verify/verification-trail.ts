/**
 * The trail of verifications (docs/console.md): each POST /verify is kept before it is answered.
 * Verifications arriving together are written together: the first waits LINGER_MS for others
 * (or until MAX_BATCH are waiting), then one statement writes them all, and each request is
 * answered once its row is committed. A commit per verification would halve the rate
 * `npm run bench:verify` measures; this costs each a couple of milliseconds instead.
 */
import { Injectable } from '@nestjs/common';
import { VerificationRepository, type NewVerification } from '@pedigree/persistence';

const LINGER_MS = 2;
const MAX_BATCH = 500;

interface Waiting {
  verification: NewVerification;
  done(error?: unknown): void;
}

@Injectable()
export class VerificationTrail {
  private waiting: Waiting[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly verifications: VerificationRepository) {}

  /**
   * Resolves when the verification is recorded.
   * @throws the database's error, for every verification of the batch it failed
   */
  record(verification: NewVerification): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        verification,
        done: (error) => (error === undefined ? resolve() : reject(error)),
      });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), LINGER_MS);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    this.verifications.recordMany(batch.map((w) => w.verification)).then(
      () => batch.forEach((w) => w.done()),
      (error: unknown) => batch.forEach((w) => w.done(error ?? new Error('not recorded'))),
    );
  }
}
