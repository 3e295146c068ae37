// What can happen to a pack, and how each happening is written as an EPCIS 2.0 event: its CBV 2.0
// business step and the disposition it leaves the pack in. Each action has its own (bizStep,
// disposition) pair, so the pack projection can be rebuilt from the sealed EPCIS events alone.

/**
 * Every command a pack can be given. `verify` is a read: it changes nothing, but it is judged by
 * the same table, so a pharmacist verifying sees the code a dispense would get. `undo` reverts the
 * last decommissioning (FMD Art. 13); `recall` is a batch recall or product withdrawal, fanned out
 * by the caller to every pack of the batch or product.
 */
export const PACK_ACTIONS = [
  'commission',
  'pack',
  'unpack',
  'ship',
  'receive',
  'dispense',
  'destroy',
  'report_stolen',
  'supply_sample',
  'supply_free_sample',
  'lock',
  'unlock',
  'export',
  'check_out',
  'undo',
  'recall',
  'verify',
] as const;

/** One pack action. */
export type PackAction = (typeof PACK_ACTIONS)[number];

/**
 * The decommissionings of EU Delegated Regulation 2016/161 (Art. 12, 22, 25, 26, 40, 41), and the
 * lock that sets a pack aside pending an investigation (released with POST /decommissions/unlock).
 */
export const DECOMMISSION_ACTIONS = [
  'dispense',
  'destroy',
  'report_stolen',
  'supply_sample',
  'supply_free_sample',
  'export',
  'check_out',
  'lock',
] as const satisfies readonly PackAction[];

/** A CBV 2.0 business step and disposition, as bare words (`shipping`, `in_transit`). */
export interface EpcisVocabulary {
  /** CBV 2.0 BizStep, e.g. `shipping` for https://ref.gs1.org/cbv/BizStep-shipping. */
  bizStep: string;
  /** CBV 2.0 Disp, e.g. `in_transit` for https://ref.gs1.org/cbv/Disp-in_transit. */
  disposition: string;
}

/**
 * The mapping itself, from CBV 2.0's standard vocabularies only (no private extensions).
 * FMD decommissionings without a more specific business step use `decommissioning`; `inactive`
 * marks a decommissioning that can still be reverted, `stolen` and `destroyed` the final ones.
 */
const VOCABULARY: Readonly<Record<PackAction, EpcisVocabulary>> = {
  commission: { bizStep: 'commissioning', disposition: 'active' },
  pack: { bizStep: 'packing', disposition: 'in_progress' },
  unpack: { bizStep: 'unpacking', disposition: 'in_progress' },
  ship: { bizStep: 'shipping', disposition: 'in_transit' },
  receive: { bizStep: 'receiving', disposition: 'in_progress' },
  dispense: { bizStep: 'dispensing', disposition: 'dispensed' },
  destroy: { bizStep: 'destroying', disposition: 'destroyed' },
  report_stolen: { bizStep: 'decommissioning', disposition: 'stolen' },
  supply_sample: { bizStep: 'sampling', disposition: 'non_sellable_other' },
  supply_free_sample: { bizStep: 'decommissioning', disposition: 'non_sellable_other' },
  lock: { bizStep: 'holding', disposition: 'non_sellable_other' },
  unlock: { bizStep: 'inspecting', disposition: 'active' },
  export: { bizStep: 'shipping', disposition: 'inactive' },
  check_out: { bizStep: 'decommissioning', disposition: 'inactive' },
  undo: { bizStep: 'stocking', disposition: 'sellable_accessible' },
  recall: { bizStep: 'holding', disposition: 'recalled' },
  verify: { bizStep: 'inspecting', disposition: 'conformant' },
};

/**
 * The CBV 2.0 business step and disposition of the EPCIS event that records `action`.
 * @example epcisVocabulary('ship') // { bizStep: 'shipping', disposition: 'in_transit' }
 */
export function epcisVocabulary(action: PackAction): EpcisVocabulary {
  return { ...VOCABULARY[action] };
}

/**
 * The action an EPCIS event records, from its business step and disposition (bare CBV words);
 * null when the pair is not one this platform writes.
 * @example packActionFromEpcis('dispensing', 'dispensed') // 'dispense'
 */
export function packActionFromEpcis(bizStep: string, disposition: string): PackAction | null {
  return (
    PACK_ACTIONS.find(
      (a) => VOCABULARY[a].bizStep === bizStep && VOCABULARY[a].disposition === disposition,
    ) ?? null
  );
}

/**
 * True when `value` is one of `PACK_ACTIONS`.
 * @example isPackAction('dispense') // true
 */
export function isPackAction(value: unknown): value is PackAction {
  return typeof value === 'string' && (PACK_ACTIONS as readonly string[]).includes(value);
}
