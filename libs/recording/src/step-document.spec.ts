// The event each recorded action is written as, checked against GS1's EPCIS 2.0 schema: the
// documents the recorder seals, for every action that records one (verify is a read).
import { PACK_ACTIONS, epcisDocument, epcisVocabulary, type PackAction } from '@pedigree/domain';
import { eventHash } from '@pedigree/epcis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { epcisSchemaErrors } from '../../../test/harness/epcis-schema';
import { repoRoot } from '../../../test/harness/repo-root';
import { parseItems } from './item-code';
import { commissionDocument, recallDocument, stepDocument, type StepFacts } from './step-document';

const eventTime = new Date('2026-11-24T10:00:00Z');
const recordTime = new Date('2026-11-24T10:00:02Z');
const site = '5412345000013';
const destination = '5412345000020';
const sscc = '106141411234567897';
const { items } = parseItems([`(01)09506000134352(21)S-1`, `(00)${sscc}`]);

/** The document the recorder writes for `action`. */
function documentOf(action: Exclude<PackAction, 'verify'>) {
  if (action === 'commission') {
    return commissionDocument(
      {
        siteGln: site,
        gtin: '09506000134352',
        serials: ['S-1', 'S-2'],
        lot: 'L1',
        expiry: '2030-12-31',
      },
      eventTime,
    );
  }
  if (action === 'recall') return recallDocument({ gtin: '09506000134352', lot: 'L1' }, eventTime);
  const step: StepFacts = {
    action,
    siteGln: site,
    items: action === 'pack' || action === 'unpack' ? items.slice(0, 1) : items,
    ...(action === 'ship' && { destinationGln: destination }),
    ...((action === 'pack' || action === 'unpack') && { containerSscc: sscc }),
  };
  return stepDocument(step, eventTime, recordTime);
}

describe('the EPCIS event of each action', () => {
  const recorded = PACK_ACTIONS.filter((a): a is Exclude<PackAction, 'verify'> => a !== 'verify');

  it.each(recorded)('%s: valid EPCIS 2.0, its id the event hash, its CBV words', (action) => {
    const event = documentOf(action);
    expect(epcisSchemaErrors(event)).toEqual([]);
    expect(epcisSchemaErrors(epcisDocument([event], recordTime))).toEqual([]);
    const { eventID, ...rest } = event;
    expect(eventID).toBe(eventHash(rest));
    expect(event).toMatchObject(epcisVocabulary(action));
  });

  it('writes the shape each action calls for', () => {
    const shapes = Object.fromEntries(
      recorded.map((action) => {
        const e = documentOf(action);
        return [
          action,
          [e.type, e.action, Object.keys(e).filter((k) => /List|EPCs|ilmd|parentID/.test(k))],
        ];
      }),
    );
    const observe = ['ObjectEvent', 'OBSERVE', ['epcList']];
    expect(shapes).toEqual({
      commission: ['ObjectEvent', 'ADD', ['epcList', 'ilmd']],
      pack: ['AggregationEvent', 'ADD', ['parentID', 'childEPCs']],
      unpack: ['AggregationEvent', 'DELETE', ['parentID', 'childEPCs']],
      ship: ['ObjectEvent', 'OBSERVE', ['epcList', 'destinationList']],
      receive: observe,
      dispense: observe,
      destroy: observe,
      report_stolen: observe,
      supply_sample: observe,
      supply_free_sample: observe,
      lock: observe,
      unlock: observe,
      export: observe,
      check_out: observe,
      undo: observe,
      recall: ['ObjectEvent', 'OBSERVE', ['quantityList']],
    });
  });

  it('writes the shipment of docs/epcis.md', () => {
    const shipment = stepDocument(
      {
        action: 'ship',
        siteGln: site,
        items: parseItems(['(01)09506000134352(21)7Q2RKX9M4ZTW']).items,
        destinationGln: destination,
      },
      new Date('2026-11-24T10:15:00.123Z'),
      new Date('2026-11-24T10:15:00.140Z'),
    );
    const example = /A shipment of one pack[\s\S]*?```json\n([\s\S]*?)```/.exec(
      readFileSync(join(repoRoot(), 'docs', 'epcis.md'), 'utf8'),
    )![1]!;
    expect(shipment).toEqual(JSON.parse(example));
  });

  it('records the scan time as eventTime and the recording time as recordTime', () => {
    expect(
      stepDocument({ action: 'receive', siteGln: site, items }, eventTime, recordTime),
    ).toMatchObject({
      eventTime: '2026-11-24T10:00:00.000Z',
      recordTime: '2026-11-24T10:00:02.000Z',
    });
  });

  it('names the batch of a recall as an LGTIN class, and the product of a withdrawal as a GTIN', () => {
    expect(recallDocument({ gtin: '09506000134352', lot: 'L1' }, eventTime).quantityList).toEqual([
      { epcClass: 'https://id.gs1.org/01/09506000134352/10/L1' },
    ]);
    expect(recallDocument({ gtin: '09506000134352' }, eventTime).quantityList).toEqual([
      { epcClass: 'https://id.gs1.org/01/09506000134352' },
    ]);
  });
});
