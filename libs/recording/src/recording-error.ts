/**
 * Why the event door refused to record: a code from the shared verdict vocabulary (DESIGN.md), or
 * CONFLICT when a request asks for more than the data allows (packs beyond a batch's quantity), and
 * a sentence that says what was wrong. A refusal about many packs lists each one in `details`.
 * The HTTP API answers with it as it is; the scanner ingest never sees one (each scan gets its own
 * verdict instead).
 */
import type { RefusalCode } from '@pedigree/domain';

/** One refused item of a step about many packs. */
export interface RefusedItem {
  item: string;
  code: RefusalCode;
  reason: string;
}

export class RecordingError extends Error {
  constructor(
    readonly code: RefusalCode | 'CONFLICT',
    message: string,
    readonly details?: readonly RefusedItem[],
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}
