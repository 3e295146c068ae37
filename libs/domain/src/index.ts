export { ROLES, type Role } from './role';
export {
  ALERT_CODES,
  VERDICT_CODES,
  VERDICT_SENTENCES,
  isVerdictCode,
  type RefusalCode,
  type VerdictCode,
} from './verdict';
export {
  DECOMMISSIONED_STATES,
  FINAL_STATES,
  PACK_STATES,
  isDecommissioned,
  isFinal,
  isPackState,
  type DecommissionedState,
  type PackState,
} from './pack-state';
export {
  DECOMMISSION_ACTIONS,
  PACK_ACTIONS,
  epcisVocabulary,
  isPackAction,
  packActionFromEpcis,
  type EpcisVocabulary,
  type PackAction,
} from './pack-action';
export type { Decommissioning, PackView } from './pack';
export type { PackCommand } from './pack-command';
export { expiryEnd, expiryIsoDate, isExpired } from './expiry';
export { UNDO_WINDOW_MS, type Refusal } from './pack-guards';
export { stateInWords } from './pack-reasons';
export { decide, judgedState, type Decision } from './pack-lifecycle';
export {
  TABLE_ROWS,
  TRANSITIONS,
  allows,
  renderTransitionTable,
  transition,
  type TableRow,
  type TransitionCell,
  type TransitionRow,
} from './transition-table';
export {
  EPCIS_CONTEXT,
  aggregationEvent,
  objectEvent,
  type EpcisEvent,
  type EventContext,
} from './epcis/epcis-event';
export { epcisDocument, epcisEventOf } from './epcis/epcis-document';
export { epcisIndexOf, type EpcRole, type EventIndex } from './epcis/epcis-index';
export { batchUri, containerUri, packUri, productUri, siteUri } from './epcis/gs1-identifiers';
