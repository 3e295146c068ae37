// Public surface of @pedigree/epcis: the GS1 EPCIS event hash ID (CBV 2.0 §8.9), the EPC URI and
// GS1 Digital Link conversions, the CBV vocabularies (pure: no I/O, no clock, browser-safe), and
// GS1's JSON Schema as a validator (Node: it loads the schema file beside it).

export { canonicalEpc } from './canonical-value';
export { canonicalDigitalLink } from './digital-link';
export { epcisDocumentEvents, type EpcisDocumentEvents } from './document';
export { epcUriToDigitalLink } from './epc-uri';
export {
  digitalLinkToEpcUri,
  withDigitalLinks,
  withEpcUrns,
  type CompanyPrefixOf,
} from './epc-urn';
export { EpcisError, type EpcisErrorCode } from './epcis.error';
export { eventHash, eventHashFromPrehash, eventPrehash, type EventHashOptions } from './event-hash';
export type { JsonObject, JsonValue } from './json';
export { validateEpcisSchema, type EpcisSchemaError } from '../schema/epcis-schema';
export { BIZ_STEP, DISPOSITION, cbvWord, type Vocabulary } from './vocabulary';
