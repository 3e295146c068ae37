/**
 * The time the sealer writes into block headers, behind a class so tests can fix it and the
 * sealed bytes become reproducible.
 */
import { Injectable } from '@nestjs/common';

@Injectable()
export class SealerClock {
  /** Milliseconds since the Unix epoch. */
  now(): number {
    return Date.now();
  }
}
