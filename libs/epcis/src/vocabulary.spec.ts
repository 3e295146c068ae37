// The built-in vocabularies are exactly the words the standard EPCIS 2.0 context maps per field.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BIZ_STEP,
  BIZ_TRANSACTION_TYPE,
  cbvWord,
  COMPONENT,
  DISPOSITION,
  MEASUREMENT_TYPE,
  SENSOR_ALARM_TYPE,
  SOURCE_DESTINATION_TYPE,
  type Vocabulary,
} from './vocabulary';

type Terms = Record<string, unknown>;

const context = (
  JSON.parse(
    readFileSync(
      join(__dirname, '../../../../shared/standards/epcis/epcis-context.jsonld'),
      'utf8',
    ),
  ) as { '@context': Terms }
)['@context'];

function scoped(definition: unknown): Terms {
  const inner = (definition as { '@context': Terms | Terms[] })['@context'];
  return Object.assign({}, ...(Array.isArray(inner) ? inner : [inner])) as Terms;
}

/** Word → full URI, as the context maps it (CURIEs expanded with the context's prefixes). */
function expanded(terms: Terms): Record<string, string> {
  return Object.fromEntries(
    Object.entries(terms)
      // Only vocabulary terms: a scoped context also declares prefixes (`epcis`).
      .filter(([, iri]) => typeof iri === 'string' && /^(cbv|gs1):/.test(iri))
      .map(([word, iri]) => {
        const [prefix, rest] = (iri as string).split(':') as [string, string];
        return [word, `${context[prefix] as string}${rest}`];
      }),
  );
}

function asMap(vocabulary: Vocabulary): Record<string, string> {
  return Object.fromEntries([...vocabulary.words].map((w) => [w, vocabulary.base + w]));
}

const sensorReport = scoped(scoped(context.sensorElementList).sensorReport);

it.each([
  ['bizStep', BIZ_STEP, scoped(context.bizStep)],
  ['disposition', DISPOSITION, scoped(context.disposition)],
  ['persistentDisposition', DISPOSITION, scoped(context.persistentDisposition)],
  [
    'bizTransactionList type',
    BIZ_TRANSACTION_TYPE,
    scoped(scoped(context.bizTransactionList).type),
  ],
  ['sourceList type', SOURCE_DESTINATION_TYPE, scoped(scoped(context.sourceList).type)],
  ['destinationList type', SOURCE_DESTINATION_TYPE, scoped(scoped(context.destinationList).type)],
  ['sensorReport type', MEASUREMENT_TYPE, scoped(sensorReport.type)],
  ['sensorReport exception', SENSOR_ALARM_TYPE, scoped(sensorReport.exception)],
  ['sensorReport component', COMPONENT, scoped(sensorReport.component)],
])('%s matches epcis-context.jsonld', (_field, vocabulary, terms) => {
  expect(asMap(vocabulary)).toEqual(expanded(terms));
});

describe('cbvWord', () => {
  it('reads a standard value in any of its forms as the word', () => {
    for (const form of [
      'shipping',
      'https://ref.gs1.org/cbv/BizStep-shipping',
      'urn:epcglobal:cbv:bizstep:shipping',
    ]) {
      expect(cbvWord(BIZ_STEP, form)).toBe('shipping');
    }
    expect(cbvWord(DISPOSITION, 'urn:epcglobal:cbv:disp:in_transit')).toBe('in_transit');
  });

  it('leaves a private value as it is', () => {
    expect(cbvWord(BIZ_STEP, 'https://example.com/steps/repackaging')).toBe(
      'https://example.com/steps/repackaging',
    );
    expect(cbvWord(BIZ_STEP, 'https://ref.gs1.org/cbv/BizStep-not_a_step')).toBe(
      'https://ref.gs1.org/cbv/BizStep-not_a_step',
    );
  });
});
