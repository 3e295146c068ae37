// The one error type of the GS1 library. Scanners, the API and the CLI show `message` to a
// warehouse operator as it is, so every message is a sentence that names the AI and the problem;
// `code` is for programs (ingest maps every code to the MALFORMED_CODE verdict).

/** What went wrong, for programs; the message says it for people. */
export type Gs1ErrorCode =
  /** The input is not GS1 data at all: plain text, a plain EAN/UPC, an unknown symbology. */
  | 'NOT_GS1_DATA'
  /** An application identifier that the GS1 table does not define. */
  | 'UNKNOWN_AI'
  | 'BAD_CHECK_DIGIT'
  /** A value too short or too long for its AI, or an empty value. */
  | 'BAD_LENGTH'
  /** A character the AI does not allow (digits only, GS1 character set 82, ...). */
  | 'BAD_CHARSET'
  /** A date or time that does not exist, e.g. expiry 261331. */
  | 'BAD_DATE'
  /** Any other content rule of the dictionary (a digit that must be zero, a piece beyond the total, ...). */
  | 'BAD_VALUE'
  /** An AI present without the AI it needs (`req=`), e.g. a lot without a GTIN. */
  | 'MISSING_PAIRING'
  /** Two AIs that must not appear together (`ex=`), e.g. (01) with (02). */
  | 'INVALID_PAIRING'
  /** The same AI twice with different values. */
  | 'DUPLICATE_AI'
  /** A Digital Link URI that breaks the URI or Digital Link syntax. */
  | 'BAD_URI';

/** Thrown by every parser, formatter and validator of `@pedigree/gs1`. */
export class Gs1Error extends Error {
  override readonly name = 'Gs1Error';

  /**
   * @param code what went wrong, for programs
   * @param message a sentence for an operator, naming the AI and the problem
   * @param ai the application identifier concerned, when there is one
   */
  constructor(
    readonly code: Gs1ErrorCode,
    message: string,
    readonly ai?: string,
  ) {
    super(message);
  }
}
