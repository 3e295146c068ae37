// The states a pack can be in: the EU FMD statuses of Delegated Regulation 2016/161 (active, and
// the decommissioned ones of Art. 22, 23, 25 and 41) plus two the platform derives itself:
// `recalled` (its batch recalled or product withdrawn) and `expired` (past its expiry date).

/**
 * Every pack state. Which ones a pack can move between is the transition table
 * (`TRANSITIONS`, docs/pack-lifecycle.md), not this list.
 */
export const PACK_STATES = [
  'active',
  'dispensed',
  'destroyed',
  'stolen',
  'sample',
  'free_sample',
  'locked',
  'exported',
  'checked_out',
  'recalled',
  'expired',
] as const;

/** One pack state. */
export type PackState = (typeof PACK_STATES)[number];

/**
 * The decommissioned states: the pack has left the legal supply chain and must not be supplied
 * again. Only `destroyed` and `stolen` among them are final.
 */
export const DECOMMISSIONED_STATES = [
  'dispensed',
  'destroyed',
  'stolen',
  'sample',
  'free_sample',
  'exported',
  'checked_out',
] as const satisfies readonly PackState[];

/**
 * The final states: no command brings a pack back from them to `active` (FMD Art. 13(1)(d):
 * destroyed and stolen packs cannot be reverted; batch recall and product withdrawal are
 * irreversible).
 */
export const FINAL_STATES = [
  'destroyed',
  'stolen',
  'recalled',
] as const satisfies readonly PackState[];

/** A decommissioned state. */
export type DecommissionedState = (typeof DECOMMISSIONED_STATES)[number];

/**
 * True when `value` is one of `PACK_STATES`.
 * @example isPackState('dispensed') // true
 */
export function isPackState(value: unknown): value is PackState {
  return typeof value === 'string' && (PACK_STATES as readonly string[]).includes(value);
}

/**
 * True for a decommissioned state (dispensed, destroyed, stolen, sample, free sample, exported,
 * checked out).
 * @example isDecommissioned('exported') // true
 */
export function isDecommissioned(state: PackState): state is DecommissionedState {
  return (DECOMMISSIONED_STATES as readonly PackState[]).includes(state);
}

/**
 * True for a state no command can bring back to `active`: destroyed, stolen, recalled.
 * @example isFinal('stolen') // true
 */
export function isFinal(state: PackState): boolean {
  return (FINAL_STATES as readonly PackState[]).includes(state);
}
