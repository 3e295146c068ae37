// The pre-hash string of an EPCIS 2.0 event (CBV 2.0 §8.9, "EPCIS event hash ID"): the event's
// fields concatenated without separators in one canonical order, so that any two systems holding
// the same event (JSON-LD or XML, fields in any order, other prefixes) write the same string.
//
//   eventType=<type>
//   the standard fields, in this order when present:
//     eventTime eventTimeZoneOffset certificationInfo epcList parentID inputEPCList childEPCs
//     quantityList childQuantityList inputQuantityList outputEPCList outputQuantityList action
//     transformationID bizStep disposition persistentDisposition readPoint bizLocation
//     sensorElementList
//   then, sorted as strings: bizTransactionList, sourceList, destinationList, ilmd and every
//   user extension and other field
//
// A value is `key=value`; a structure is its key followed by its parts; several values of one
// field, the entries of a list and the user extensions of one structure are sorted by code point
// (rules 10 to 12, 19 to 21). List entries are named as in the XML binding: `epc`,
// `quantityElement`, `sensorElement`; a business transaction, source or destination is
// `type=...` then its identifier (rule 13). Left out: `eventID` and `recordTime` (set by whoever
// captures or stores the event), `errorDeclaration` (added later to the same event, whose id
// must not change), comments (`rdfs:comment`), JSON-LD keywords (`@context`) and the fields a
// document lists in its `ignoreFields`.
//
// Where the reference implementation's README and its known-answer vectors differ, the vectors
// win: they place bizTransactionList, destinationList and sourceList among the sorted fields
// (so destinationList comes before sourceList), not at positions 20 to 22.

import { expandKey, type Prefixes } from './context';
import { canonicalValue } from './canonical-value';
import { compareCodePoints, isJsonObject, type JsonObject, type JsonValue } from './json';
import {
  BIZ_STEP,
  BIZ_TRANSACTION_TYPE,
  COMPONENT,
  DISPOSITION,
  MEASUREMENT_TYPE,
  SENSOR_ALARM_TYPE,
  SOURCE_DESTINATION_TYPE,
  type Vocabulary,
} from './vocabulary';

/** How one standard field is written. */
type Field =
  /** `key=value` for the value, or for each value of an array. */
  | { readonly kind: 'value'; readonly vocabulary?: Vocabulary }
  /** `key` then the object's parts, for the object or each object of an array. */
  | { readonly kind: 'object'; readonly shape: Shape }
  /** `key` once, then each entry: `item=value` or `item` followed by the entry's parts. */
  | { readonly kind: 'list'; readonly item: string; readonly entry: Field };

/** A structure: fields written in order, fields sorted among the rest, everything else sorted. */
interface Shape {
  readonly ordered: ReadonlyArray<readonly [string, Field]>;
  readonly sorted?: ReadonlyArray<readonly [string, Field]>;
}

const VALUE: Field = { kind: 'value' };
const vocabularyValue = (vocabulary: Vocabulary): Field => ({ kind: 'value', vocabulary });
const epcs: Field = { kind: 'list', item: 'epc', entry: VALUE };
const quantities: Field = {
  kind: 'list',
  item: 'quantityElement',
  entry: {
    kind: 'object',
    shape: {
      ordered: [
        ['epcClass', VALUE],
        ['quantity', VALUE],
        ['uom', VALUE],
      ],
    },
  },
};
const location: Field = { kind: 'object', shape: { ordered: [['id', VALUE]] } };
/** bizTransactionList, sourceList, destinationList: entries are `type=...` then the identifier. */
const typedList = (idKey: string, types: Vocabulary): Field => ({
  kind: 'list',
  item: '',
  entry: {
    kind: 'object',
    shape: {
      ordered: [
        ['type', vocabularyValue(types)],
        [idKey, VALUE],
      ],
    },
  },
});

const SENSOR_METADATA: Shape = {
  ordered: ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData']
    .concat(['dataProcessingMethod', 'bizRules'])
    .map((key) => [key, VALUE] as const),
};

const SENSOR_REPORT: Shape = {
  ordered: [
    ['type', vocabularyValue(MEASUREMENT_TYPE)],
    ['exception', vocabularyValue(SENSOR_ALARM_TYPE)],
    ...['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time']
      .concat(['microorganism', 'chemicalSubstance', 'value'])
      .map((key) => [key, VALUE] as const),
    ['component', vocabularyValue(COMPONENT)],
    ...['stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue']
      .concat(['meanValue', 'sDev', 'percRank', 'percValue', 'uom', 'coordinateReferenceSystem'])
      .map((key) => [key, VALUE] as const),
  ],
};

const SENSOR_ELEMENT: Shape = {
  ordered: [
    ['sensorMetadata', { kind: 'object', shape: SENSOR_METADATA }],
    ['sensorReport', { kind: 'object', shape: SENSOR_REPORT }],
  ],
};

const EVENT: Shape = {
  ordered: [
    ['eventTime', VALUE],
    ['eventTimeZoneOffset', VALUE],
    ['certificationInfo', VALUE],
    ['epcList', epcs],
    ['parentID', VALUE],
    ['inputEPCList', epcs],
    ['childEPCs', epcs],
    ['quantityList', quantities],
    ['childQuantityList', quantities],
    ['inputQuantityList', quantities],
    ['outputEPCList', epcs],
    ['outputQuantityList', quantities],
    ['action', VALUE],
    ['transformationID', VALUE],
    ['bizStep', vocabularyValue(BIZ_STEP)],
    ['disposition', vocabularyValue(DISPOSITION)],
    [
      'persistentDisposition',
      {
        kind: 'object',
        shape: {
          ordered: [
            ['set', vocabularyValue(DISPOSITION)],
            ['unset', vocabularyValue(DISPOSITION)],
          ],
        },
      },
    ],
    ['readPoint', location],
    ['bizLocation', location],
    [
      'sensorElementList',
      { kind: 'list', item: 'sensorElement', entry: { kind: 'object', shape: SENSOR_ELEMENT } },
    ],
  ],
  sorted: [
    ['bizTransactionList', typedList('bizTransaction', BIZ_TRANSACTION_TYPE)],
    ['sourceList', typedList('source', SOURCE_DESTINATION_TYPE)],
    ['destinationList', typedList('destination', SOURCE_DESTINATION_TYPE)],
  ],
};

/** Event fields that never take part in the hash. */
const EVENT_LEVEL_IGNORED = new Set(['type', 'eventID', 'recordTime', 'errorDeclaration']);

/** Comments are documentation, not event data, wherever they appear. */
const COMMENT_KEYS = new Set(['comment', '{http://www.w3.org/2000/01/rdf-schema#}comment']);

interface Writer {
  readonly prefixes: Prefixes;
  /** Expanded keys (and keys as written) left out of the event's top level. */
  readonly ignored: ReadonlySet<string>;
}

const sorted = (parts: string[]): string[] => parts.sort(compareCodePoints);

function asArray(value: JsonValue): JsonValue[] {
  return Array.isArray(value) ? value : [value];
}

/** The parts one standard field contributes, already sorted among themselves. */
function writeField(key: string, value: JsonValue, field: Field, writer: Writer): string[] {
  switch (field.kind) {
    case 'value':
      return sorted(asArray(value).flatMap((v) => writeValue(key, v, writer, field.vocabulary)));
    case 'object':
      return sorted(
        asArray(value).flatMap((v) => {
          if (!isJsonObject(v)) return writeValue(key, v, writer);
          const body = writeShape(v, field.shape, writer, false);
          return body === '' ? [] : [key + body];
        }),
      );
    case 'list': {
      const entries = asArray(value).flatMap((v) => writeField(field.item, v, field.entry, writer));
      return entries.length === 0 ? [] : [key + sorted(entries).join('')];
    }
  }
}

/** `key=value` for a scalar; anything else is written as a user extension would be. */
function writeValue(
  key: string,
  value: JsonValue,
  writer: Writer,
  vocabulary?: Vocabulary,
): string[] {
  if (value === null) return [];
  if (typeof value === 'object') return writeExtension(key, value, writer);
  const text = canonicalValue(value, key, writer.prefixes, vocabulary);
  return text === '' ? [] : [`${key}=${text}`];
}

/**
 * A field outside the standard order (user extension, ILMD, unknown field): its expanded key,
 * then `=value`, or its members sorted; an array gives one part per element.
 */
function writeExtension(key: string, value: JsonValue, writer: Writer): string[] {
  const name = expandKey(key, writer.prefixes);
  if (value === null || COMMENT_KEYS.has(name)) return [];
  if (Array.isArray(value)) return value.flatMap((v) => writeExtension(key, v, writer));
  if (!isJsonObject(value)) {
    const text = canonicalValue(value, key, writer.prefixes);
    return text === '' ? [] : [`${name}=${text}`];
  }
  const members = Object.entries(value)
    .filter(([k]) => !k.startsWith('@'))
    .flatMap(([k, v]) => writeExtension(k, v, writer));
  return members.length === 0 ? [] : [name + sorted(members).join('')];
}

/** The parts of a structure: its ordered fields, then all the others sorted. */
function writeShape(object: JsonObject, shape: Shape, writer: Writer, isEvent: boolean): string {
  const known = new Map([...shape.ordered, ...(shape.sorted ?? [])]);
  const ordered = shape.ordered.flatMap(([key, field]) =>
    Object.hasOwn(object, key) ? writeField(key, object[key] as JsonValue, field, writer) : [],
  );
  const rest: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('@') || shape.ordered.some(([k]) => k === key)) continue;
    if (isEvent && (EVENT_LEVEL_IGNORED.has(key) || isIgnored(key, writer))) continue;
    const field = known.get(key);
    rest.push(
      ...(field ? writeField(key, value, field, writer) : writeExtension(key, value, writer)),
    );
  }
  return ordered.join('') + sorted(rest).join('');
}

function isIgnored(key: string, writer: Writer): boolean {
  return writer.ignored.has(key) || writer.ignored.has(expandKey(key, writer.prefixes));
}

/**
 * The pre-hash string of an event object, given the prefixes in force and the keys to leave out.
 * @internal the public entry point is `eventPrehash`, which checks the event first
 */
export function writePrehash(
  event: JsonObject,
  type: string,
  prefixes: Prefixes,
  ignoreFields: readonly string[],
): string {
  const ignored = new Set(ignoreFields.flatMap((k) => [k, expandKey(k, prefixes)]));
  return `eventType=${type}${writeShape(event, EVENT, { prefixes, ignored }, true)}`;
}
