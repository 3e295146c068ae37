// What GS1's own example events ask of the packs (../shared/standards/epcis/examples/), and the
// refusals a captured event meets before any pack is looked up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '@pedigree/epcis';
import { repoRoot } from '../../../test/harness/repo-root';
import { capturedStep, CaptureRefusal, glnOf } from './capture-step';

const EXAMPLES = join(repoRoot(), '..', 'shared', 'standards', 'epcis', 'examples');
const events = (name: string): JsonObject[] =>
  JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')).epcisBody.eventList;
const SSCC = '106141412345678908'; // urn:epc:id:sscc:0614141.1234567890
const pack = (serial: string) =>
  expect.objectContaining({ kind: 'pack', gtin: '10614141073464', serial });

describe('capturedStep on the GS1 examples', () => {
  it('reads a shipment that declares no destination as one the first receiver takes', () => {
    const [shipping, receiving] = events('Example_9.6.1-ObjectEvent.jsonld');
    expect(capturedStep(shipping!)).toStrictEqual({
      kind: 'move',
      action: 'ship',
      items: [pack('2017'), pack('2018')],
      destinationGln: undefined,
      readPointGln: '0614141073467',
      bizLocationGln: null,
    });
    expect(capturedStep(receiving!)).toMatchObject({
      kind: 'move',
      action: 'receive',
      items: [pack('2018')],
      readPointGln: '0012345111112',
      bizLocationGln: '0012345111112',
    });
  });

  it('reads an observed aggregation as the case moving with the packs it names', () => {
    const [receiving] = events('Example_9.6.3-AggregationEvent.jsonld');
    expect(capturedStep(receiving!)).toMatchObject({
      kind: 'move',
      action: 'receive',
      containerSscc: SSCC,
      items: [pack('2017'), pack('2018'), { kind: 'container', sscc: SSCC }],
      bizLocationGln: '0614141008889',
    });
  });

  it('reads a transaction event as an observation of the packs and case it names', () => {
    const [transaction] = events('transaction_event_all_possible_fields.jsonld');
    expect(capturedStep(transaction!)).toMatchObject({
      kind: 'observation',
      items: [pack('2017'), pack('2018'), { kind: 'container', sscc: SSCC }],
    });
  });
});

describe('capturedStep refusals', () => {
  const [shipping] = events('Example_9.6.1-ObjectEvent.jsonld');

  it.each([
    [
      'a destination that is no GLN',
      { destinationList: [{ type: 'location', destination: 'https://example.org/depot/7' }] },
      /destination https:\/\/example\.org\/depot\/7 is not a GLN/,
    ],
    ['a readPoint that is no GLN', { readPoint: { id: 'urn:example:dock:3' } }, /not a GLN/],
    [
      'a recall, which has its own route',
      { bizStep: 'holding', disposition: 'recalled' },
      /recall/,
    ],
  ])('refuses %s, saying what to send', (_, change, message) => {
    expect(() => capturedStep({ ...shipping!, ...change })).toThrow(CaptureRefusal);
    expect(() => capturedStep({ ...shipping!, ...change })).toThrow(message);
  });

  it('reads a GLN from an SGLN URN or a /414/ link, extension dropped', () => {
    expect(glnOf('urn:epc:id:sgln:0614141.07346.1234')).toBe('0614141073467');
    expect(glnOf('https://id.gs1.org/414/0614141073467/254/1234')).toBe('0614141073467');
    expect(glnOf('urn:epc:id:sgtin:0614141.107346.2017')).toBeNull();
  });
});
