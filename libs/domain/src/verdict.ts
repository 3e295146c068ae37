// The one vocabulary of verdicts (DESIGN.md, "Verdicts and alerts"): the same codes go to the
// scanner's verdict topic, the verification API, the alert list and, in the plain sentences
// below, the consumer page. A code is a contract: add one here or nowhere.

/**
 * Every verdict a pack check can give, `OK` first. EMVS alert equivalents: UNKNOWN_PRODUCT (A2),
 * UNKNOWN_SERIAL (A3), BATCH_MISMATCH (A68), EXPIRY_MISMATCH (A52), ALREADY_DECOMMISSIONED (A7).
 */
export const VERDICT_CODES = [
  'OK',
  'UNKNOWN_PRODUCT',
  'UNKNOWN_SERIAL',
  'BATCH_MISMATCH',
  'EXPIRY_MISMATCH',
  'ALREADY_DECOMMISSIONED',
  'RECALLED',
  'EXPIRED',
  'LOCKED',
  'WRONG_CUSTODY',
  'SUSPECT',
  'MALFORMED_CODE',
] as const;

/** One verdict code. */
export type VerdictCode = (typeof VERDICT_CODES)[number];

/** A verdict that refuses the step: every code but `OK`. */
export type RefusalCode = Exclude<VerdictCode, 'OK'>;

/**
 * Each code in one sentence for someone who is not a pharmacist or an engineer: what it means for
 * the pack in their hand, and what to do. The operator-facing `reason` of a refusal adds the
 * particulars (which state, when, where); these sentences never need them.
 */
export const VERDICT_SENTENCES: Readonly<Record<VerdictCode, string>> = {
  OK: 'This pack is genuine and may be supplied.',
  UNKNOWN_PRODUCT: 'This product is not registered: do not supply it, set it aside and report it.',
  UNKNOWN_SERIAL:
    "This pack's serial number was never issued by the manufacturer: do not supply it, set it aside and report it.",
  BATCH_MISMATCH:
    'The batch printed on this pack is not the batch the manufacturer recorded for it: do not supply it, set it aside and report it.',
  EXPIRY_MISMATCH:
    'The expiry date printed on this pack is not the one the manufacturer recorded: do not supply it, set it aside and report it.',
  ALREADY_DECOMMISSIONED:
    'This pack has already left the supply chain (for example, it was dispensed or destroyed): do not supply it again.',
  RECALLED: "This pack's batch has been recalled or the product withdrawn: do not supply it.",
  EXPIRED: 'This pack is past its expiry date: do not supply it.',
  LOCKED: 'This pack is locked while it is being investigated: do not supply it for now.',
  WRONG_CUSTODY:
    'This pack is recorded as being somewhere else: do not supply it, and check where it came from.',
  SUSPECT:
    "Something about this pack's record does not add up: do not supply it, set it aside and report it.",
  MALFORMED_CODE:
    'The code on this pack could not be read as a valid medicine code: scan it again, or type the numbers in.',
};

/**
 * True when `value` is one of the verdict codes (for data arriving from outside, e.g. an MQTT ack).
 * @example isVerdictCode('RECALLED') // true
 */
export function isVerdictCode(value: unknown): value is VerdictCode {
  return typeof value === 'string' && (VERDICT_CODES as readonly string[]).includes(value);
}

/**
 * The codes that also raise an alert for the manufacturer and the regulator to investigate: the
 * ones that point at a falsified pack or a broken record (EMVS A2, A3, A7, A52, A68, and SUSPECT).
 * Recalled, expired, locked and misplaced packs are already known to the platform: their verdict
 * is the whole answer.
 */
export const ALERT_CODES: ReadonlySet<VerdictCode> = new Set([
  'UNKNOWN_PRODUCT',
  'UNKNOWN_SERIAL',
  'BATCH_MISMATCH',
  'EXPIRY_MISMATCH',
  'ALREADY_DECOMMISSIONED',
  'SUSPECT',
]);
