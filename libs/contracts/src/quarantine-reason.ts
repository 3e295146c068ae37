// Why a whole scan envelope is refused (DESIGN.md, "Verdicts and alerts": envelope-level reasons).
// A refused envelope is quarantined with its reason, never dropped, and the device is told on its
// verdict topic. Four reasons are decided from the bytes alone (parse-envelope.ts); the next four
// need the device registry, its key and the sequence numbers already used, so the ingest decides
// them; the last is the platform's own failure, after retries. The codes are a contract shared with every scanner implementation: add one here or nowhere.

/** Every envelope-level reason, in the order the checks run. */
export const QUARANTINE_REASONS = [
  'OVERSIZE',
  'NOT_JSON',
  'UNSUPPORTED_VERSION',
  'SCHEMA',
  'UNKNOWN_DEVICE',
  'DEVICE_REVOKED',
  'BAD_SIGNATURE',
  'REPLAYED_SEQUENCE',
  'PROCESSING_FAILED',
] as const;

/** One envelope-level reason. */
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** The reasons `parseEnvelope` decides from the message bytes alone. */
export type ParseQuarantineReason = Extract<
  QuarantineReason,
  'OVERSIZE' | 'NOT_JSON' | 'UNSUPPORTED_VERSION' | 'SCHEMA'
>;

/**
 * Each reason in one sentence for the person at the scanner or its maintainer: what went wrong
 * and what to do. The verdict message's `detail` adds the particulars (which field, which size).
 */
export const QUARANTINE_SENTENCES: Readonly<Record<QuarantineReason, string>> = {
  OVERSIZE:
    'The message, or one of its lists or texts, is larger than the protocol allows: send fewer scans per envelope.',
  NOT_JSON:
    'The message is not JSON text in UTF-8: the scanner software must be fixed; its scans were not recorded.',
  UNSUPPORTED_VERSION:
    'The message uses a protocol version this platform does not speak: update the scanner software.',
  SCHEMA:
    'A field of the message is missing or wrong (the detail names it): the scanner software must be fixed; its scans were not recorded.',
  UNKNOWN_DEVICE:
    'This scanner is not enrolled: enrol it with its public key before it sends scans.',
  DEVICE_REVOKED:
    'This scanner has been revoked and its scans are refused: contact your administrator.',
  BAD_SIGNATURE:
    "The message's signature does not match the scanner's enrolled key: check the scanner's key; its scans were not recorded.",
  REPLAYED_SEQUENCE:
    'This sequence number was already used for a different message: the scanner must never reuse a sequence number; its scans were not recorded.',
  PROCESSING_FAILED:
    'The platform failed to record this message after several tries and kept it for an administrator: its scans were not recorded; send them again later.',
};

/**
 * True when `value` is one of the quarantine reasons (for data arriving from outside).
 * @throws never
 * @example isQuarantineReason('BAD_SIGNATURE') // true
 */
export function isQuarantineReason(value: unknown): value is QuarantineReason {
  return typeof value === 'string' && (QUARANTINE_REASONS as readonly string[]).includes(value);
}
