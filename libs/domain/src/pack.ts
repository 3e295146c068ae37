// The pack projection: what the platform knows about one pack now, folded from its events. The
// state machine reads and returns this shape and nothing else, so the projection table, the
// verification API and a replay of the sealed events all agree.

import type { PackState } from './pack-state';

/** The decommissioning a decommissioned pack records: what, when, by whom and where. */
export interface Decommissioning {
  /** The decommissioned state it put the pack in. */
  state: PackState;
  /** When it happened (the event time); the 10-day undo window counts from here. */
  at: Date;
  organisationId: string;
  siteId: string;
}

/** One pack's current state, custody and the facts its rules need. */
export interface PackView {
  /** As recorded; `decide` derives the state it judges by (recall and expiry apply at once). */
  state: PackState;
  /**
   * The site that holds the pack; null while it is in transit (or stolen in transit). A
   * decommissioned pack keeps its last holder, so an undo puts it back there.
   */
  custodySiteId: string | null;
  /** The destination site while the pack is shipped; null otherwise. */
  inTransitTo: string | null;
  /** The SSCC of the case or pallet the pack is packed in; null when loose. */
  containerSscc: string | null;
  /** GS1 AI 17, YYMMDD; day 00 means the last day of the month. */
  expiry: string;
  /** Its batch has been recalled (irreversible). */
  batchRecalled: boolean;
  /** Its product has been withdrawn (irreversible). */
  productWithdrawn: boolean;
  /**
   * The decommissioning the pack is under (kept when a recall follows it); null when it was never
   * decommissioned or the decommissioning was undone.
   */
  lastDecommission: Decommissioning | null;
}
