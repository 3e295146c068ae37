// The pack lifecycle state machine: given what is known of a pack, one command and the time,
// either the pack's next view or a refusal with a verdict code. Pure: the caller passes `now`,
// reads nothing else, and records the event only when the decision is OK. The pack's state is the
// fold of `decide` over its events.

import { expiryIsoDate, isExpired } from './expiry';
import type { PackView } from './pack';
import type { PackCommand } from './pack-command';
import { commissionRefusal, guardRefusal, type Refusal } from './pack-guards';
import { tableRefusalReason } from './pack-reasons';
import type { PackState } from './pack-state';
import { allows, TRANSITIONS } from './transition-table';

/** The outcome of a command: the next view, or the code and sentence that refuse it. */
export type Decision =
  { ok: true; code: 'OK'; next: PackView } | { ok: false; code: Refusal['code']; reason: string };

/**
 * The state a pack is judged in at `now`, which is the row of the transition table `decide` reads.
 * In this order: destroyed and stolen stay what they are; otherwise a recalled batch or withdrawn
 * product makes it `recalled`; a locked pack stays `locked`; an active pack past its expiry is
 * `expired`; else its recorded state.
 * @throws {RangeError} when `pack.expiry` is not a real YYMMDD date
 * @example judgedState({ ...pack, state: 'dispensed', batchRecalled: true }, now) // 'recalled'
 */
export function judgedState(pack: PackView, now: Date): PackState {
  const { state } = pack;
  if (state === 'destroyed' || state === 'stolen') return state;
  if (pack.batchRecalled || pack.productWithdrawn) return 'recalled';
  if (state === 'active' && isExpired(pack.expiry, now)) return 'expired';
  return state;
}

/**
 * Judges one command against a pack (null: no pack with this serial yet) at `now`.
 * The transition table decides whether the action is allowed from the judged state; then the
 * guards for who, where and when (custody, containers, undo) apply. A refusal changes nothing.
 * @throws {RangeError} when `pack.expiry` is not a real YYMMDD date (a corrupt projection)
 * @example decide(null, { action: 'dispense', at, organisationId: 'o', siteId: 's' }, now).code // 'UNKNOWN_SERIAL'
 */
export function decide(pack: PackView | null, command: PackCommand, now: Date): Decision {
  const judged = pack === null ? null : judgedState(pack, now);
  const cell = TRANSITIONS[judged ?? 'none'][command.action];
  if (!allows(cell)) {
    const expiryDay = pack === null ? null : expiryIsoDate(pack.expiry, now);
    return {
      ok: false,
      code: cell,
      reason: tableRefusalReason(cell, { action: command.action, judged, pack, expiryDay }),
    };
  }
  const refusal =
    pack === null ? commissionRefusal(command, now) : guardRefusal(pack, command, now);
  if (refusal) return refusal;
  return { ok: true, code: 'OK', next: apply(pack, cell, command) };
}

/** The next view once the table and the guards have allowed the command. */
function apply(pack: PackView | null, to: PackState, command: PackCommand): PackView {
  if (pack === null) {
    return {
      state: to,
      custodySiteId: command.siteId,
      inTransitTo: null,
      containerSscc: null,
      expiry: command.expiry ?? '',
      batchRecalled: false,
      productWithdrawn: false,
      lastDecommission: null,
    };
  }
  const next: PackView = { ...pack, state: to };
  switch (command.action) {
    case 'verify':
      return { ...pack };
    case 'commission':
    case 'lock':
    case 'unlock':
      return next;
    case 'pack':
      return { ...next, containerSscc: command.containerSscc ?? null };
    case 'unpack':
      return { ...next, containerSscc: null };
    case 'ship':
      return { ...next, custodySiteId: null, inTransitTo: command.destinationSiteId ?? null };
    case 'receive':
      return { ...next, custodySiteId: command.siteId, inTransitTo: null };
    case 'dispense':
    case 'destroy':
    case 'report_stolen':
    case 'supply_sample':
    case 'supply_free_sample':
    case 'export':
    case 'check_out':
      // The pack leaves the chain: out of its case, off any shipment; its last holder stays.
      return {
        ...next,
        containerSscc: null,
        inTransitTo: null,
        lastDecommission: {
          state: to,
          at: command.at,
          organisationId: command.organisationId,
          siteId: command.siteId ?? '',
        },
      };
    case 'undo':
      return { ...next, lastDecommission: null };
    case 'recall':
      return command.recallScope === 'product'
        ? { ...next, productWithdrawn: true }
        : { ...next, batchRecalled: true };
    default: {
      const unreachable: never = command.action;
      return unreachable;
    }
  }
}
