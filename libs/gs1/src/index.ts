// Public surface of @pedigree/gs1: GS1 application identifiers, check digits, element strings,
// scan data and Digital Link. Pure: no I/O, no clock, runs in Node and in the browser.

export { AI_DICTIONARY_RELEASE, AI_TABLE } from './ai-table.generated';
export { aiAt, lookupAi } from './ai-table';
export type { AiCharset, AiComponent, AiEntry } from './ai-types';
export {
  gs1CheckDigit,
  hasValidCheckDigit,
  isValidGln,
  isValidGtin,
  isValidSscc,
} from './check-digit';
export {
  buildDigitalLink,
  encodeDigitalLinkValue,
  isDigitalLinkScheme,
  parseDigitalLink,
  type DigitalLink,
  type DigitalLinkOptions,
} from './digital-link';
export { parseBracketed, toBracketed, type BracketedOptions } from './bracketed';
export {
  GS,
  parseElementString,
  toElementString,
  type ElementStringOptions,
} from './element-string';
export { Gs1Error, type Gs1ErrorCode } from './gs1.error';
export type { Gs1Ai, Gs1Data, Gs1ParseOptions } from './gs1-data';
export { randomGln, randomGtin, randomSscc } from './random-keys';
export { parseScanData } from './scan-data';
export { validateAis } from './validate';
