// The one error type of the EPCIS library. Hashing is total over well-formed JSON: it throws only
// when what it is given is not an EPCIS event or document at all.

/** What went wrong, for programs; the message says it for people. */
export type EpcisErrorCode =
  /** The value is not a JSON object with a string `type` (ObjectEvent, AggregationEvent, ...). */
  | 'NOT_AN_EVENT'
  /** The value is not an EPCISDocument or EPCISQueryDocument with an event list. */
  | 'NOT_A_DOCUMENT';

/** Thrown by `@pedigree/epcis`. */
export class EpcisError extends Error {
  override readonly name = 'EpcisError';

  /**
   * @param code what went wrong, for programs
   * @param message a sentence that says what was wrong and what to send instead
   */
  constructor(
    readonly code: EpcisErrorCode,
    message: string,
  ) {
    super(message);
  }
}
