// The operator's sentence for each refusal: what is wrong with this pack, in its particulars
// (which state, since when, where), and what to do with it. The plain meaning of each code for a
// non-specialist lives in VERDICT_SENTENCES; these sentences add the facts of the case.

import type { PackAction } from './pack-action';
import type { PackView } from './pack';
import type { PackState } from './pack-state';
import type { RefusalCode } from './verdict';

/** Each action as it reads after "cannot be". */
const DONE: Readonly<Record<PackAction, string>> = {
  commission: 'commissioned',
  pack: 'packed',
  unpack: 'unpacked',
  ship: 'shipped',
  receive: 'received',
  dispense: 'dispensed',
  destroy: 'recorded as destroyed',
  report_stolen: 'reported stolen',
  supply_sample: 'supplied as a sample',
  supply_free_sample: 'supplied as a free sample',
  lock: 'locked',
  unlock: 'unlocked',
  export: 'exported',
  check_out: 'checked out',
  undo: 'reverted to active',
  recall: 'recalled',
  verify: 'verified',
};

/** Each state as it reads after "the pack is" / "was". */
const STATE: Readonly<Record<PackState, string>> = {
  active: 'active',
  dispensed: 'dispensed',
  destroyed: 'destroyed',
  stolen: 'reported stolen',
  sample: 'supplied as a sample',
  free_sample: 'supplied as a free sample',
  locked: 'locked',
  exported: 'exported',
  checked_out: 'checked out',
  recalled: 'recalled',
  expired: 'expired',
};

/**
 * A state in words, for sentences.
 * @example stateInWords('free_sample') // 'supplied as a free sample'
 */
export function stateInWords(state: PackState): string {
  return STATE[state];
}

/**
 * A moment as operators read it: `2026-03-01 14:05 UTC`.
 * @example when(new Date('2026-03-01T14:05:09Z')) // '2026-03-01 14:05 UTC'
 */
export function when(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** ", so it cannot be shipped" (nothing for a verification, which asks no step). */
function cannot(action: PackAction): string {
  return action === 'verify' ? '' : `, so it cannot be ${DONE[action]}`;
}

/** The facts a table refusal's sentence needs. */
export interface RefusalFacts {
  action: PackAction;
  /** The state the pack was judged in; null for a serial with no pack. */
  judged: PackState | null;
  pack: PackView | null;
  /** The expiry day as YYYY-MM-DD, when known. */
  expiryDay: string | null;
}

/**
 * The sentence for a refusal that the transition table itself gives (the cell names a code).
 * @example tableRefusalReason('UNKNOWN_SERIAL', { action: 'dispense', judged: null, pack: null, expiryDay: null })
 */
export function tableRefusalReason(code: RefusalCode, facts: RefusalFacts): string {
  const { action, judged, pack } = facts;
  const blocked = cannot(action);
  switch (code) {
    case 'UNKNOWN_SERIAL':
      return `No pack with this serial number was ever commissioned${blocked}: do not supply it; set it aside and report it to the manufacturer.`;
    case 'ALREADY_DECOMMISSIONED': {
      const d = pack?.lastDecommission;
      const state = judged ?? 'dispensed';
      const what = d
        ? `This pack was ${STATE[d.state]} on ${when(d.at)} at site ${d.siteId} (organisation ${d.organisationId})`
        : `This pack is ${STATE[state]}`;
      const final =
        action === 'undo' ? `; being ${STATE[state]} is final and cannot be undone` : '';
      return `${what}${blocked}${final}. Do not supply it; if it is in your hands, set it aside and report it.`;
    }
    case 'RECALLED': {
      const why =
        pack?.productWithdrawn && !pack.batchRecalled
          ? 'This product has been withdrawn'
          : pack?.productWithdrawn
            ? "This pack's batch has been recalled and the product withdrawn"
            : "This pack's batch has been recalled";
      return `${why}${blocked}. Do not supply it: quarantine it and follow the recall notice (it may still be packed, shipped back, received or destroyed).`;
    }
    case 'EXPIRED':
      return `This pack expired${facts.expiryDay ? ` at the end of ${facts.expiryDay}` : ''}${blocked}. Do not supply it: set it aside to be returned or destroyed.`;
    case 'LOCKED':
      return action === 'lock'
        ? 'This pack is already locked pending an investigation; nothing to do.'
        : `This pack is locked pending an investigation${blocked}. Set it aside until the manufacturer or the authority unlocks it.`;
    case 'SUSPECT':
      if (action === 'commission') {
        return `This serial number was already commissioned (the pack is ${STATE[judged ?? 'active']}): commissioning it again would make a duplicate. Do not apply this label; check how serial numbers are allocated.`;
      }
      return `This pack is ${STATE[judged ?? 'active']}, so there is nothing to ${action === 'undo' ? 'undo' : action}: check that you scanned the right pack and chose the right step.`;
    case 'UNKNOWN_PRODUCT':
    case 'BATCH_MISMATCH':
    case 'EXPIRY_MISMATCH':
    case 'WRONG_CUSTODY':
    case 'MALFORMED_CODE':
      return `This pack cannot be ${DONE[action]} (${code}); set it aside and report it.`;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
