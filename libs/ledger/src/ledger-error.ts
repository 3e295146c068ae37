// One error type for the whole ledger library, carrying a machine-readable code so that each
// transport (HTTP, MQTT, CLI) can map it once, and a sentence a person can act on.

/** Every reason the ledger library can refuse an input. */
export type LedgerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_HASH'
  | 'INVALID_SIZE'
  | 'MISSING_NODE'
  | 'INVALID_ENCODING'
  | 'INVALID_PUBLIC_KEY'
  | 'INVALID_KEY'
  | 'MALFORMED_NOTE'
  | 'UNVERIFIED_NOTE'
  | 'MALFORMED_CHECKPOINT'
  | 'MALFORMED_COSIGNATURE'
  | 'MALFORMED_BLOCK_HEADER';

/**
 * The error thrown by every function of `@pedigree/ledger` that refuses its input.
 *
 * @example
 * try { parseCheckpoint(text); } catch (e) { if (e instanceof LedgerError) log(e.code, e.message); }
 */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';

  /**
   * @param code machine-readable reason
   * @param message a sentence saying what was wrong and, where useful, what to do
   */
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
  }
}
