import { eventHash } from '@pedigree/epcis';
import { buildDigitalLink } from '@pedigree/gs1';
import { canonicalJson } from '@pedigree/ledger';
import fc from 'fast-check';
import { epcisSchemaErrors } from '../../../../test/harness/epcis-schema';
import { PACK_ACTIONS, epcisVocabulary } from '../pack-action';
import { epcisDocument, epcisEventOf } from './epcis-document';
import { EPCIS_CONTEXT, aggregationEvent, objectEvent, type EpcisEvent } from './epcis-event';
import { batchUri, containerUri, packUri, productUri } from './gs1-identifiers';

const context = {
  eventTime: new Date('2026-11-24T10:00:00Z'),
  recordTime: new Date('2026-11-24T10:00:01.5Z'),
  bizStep: 'commissioning',
  disposition: 'active',
  siteGln: '5412345000013',
};
const pack = packUri('09506000134352', 'A/B-1');
const creationDate = new Date('2026-11-24T11:00:00Z');

/** The event's id, recomputed from the event without it. */
function hashOf(event: EpcisEvent): string {
  const { eventID, ...rest } = event;
  expect(eventID).toEqual(expect.any(String));
  return eventHash(rest);
}

/** The event is valid on its own and in an EPCISDocument, and its id is its event hash. */
function expectValidEpcis(event: EpcisEvent): void {
  expect(epcisSchemaErrors(event)).toEqual([]);
  expect(epcisSchemaErrors(epcisDocument([event], creationDate))).toEqual([]);
  expect(event.eventID).toBe(hashOf(event));
}

describe('EPCIS events', () => {
  // The id is SHA-256 of the pre-hash `eventType=ObjectEventeventTime=2026-11-24T10:00:00.000Z
  // eventTimeZoneOffset=+00:00epcListepc=https://id.gs1.org/01/09506000134352/21/A%2FB-1action=ADD
  // bizStep=https://ref.gs1.org/cbv/BizStep-commissioningdisposition=https://ref.gs1.org/cbv/
  // Disp-activereadPointid=…414/5412345000013bizLocationid=…414/5412345000013ilmd
  // {urn:epcglobal:cbv:mda:}itemExpirationDate=2026-12-31{urn:epcglobal:cbv:mda:}lotNumber=L1`
  // (one line): bare CBV words expand to their URIs, and `cbvmda:` to the context's namespace.
  it('shapes commissioning as a complete ObjectEvent ADD with ilmd and GLN locations', () => {
    const event = objectEvent(context, {
      action: 'ADD',
      epcList: [pack],
      ilmd: { lot: 'L1', expiry: '2026-12-31' },
    });
    expect(event).toEqual({
      '@context': 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld',
      type: 'ObjectEvent',
      action: 'ADD',
      eventTime: '2026-11-24T10:00:00.000Z',
      eventTimeZoneOffset: '+00:00',
      recordTime: '2026-11-24T10:00:01.500Z',
      eventID:
        'ni:///sha-256;c6348f3b7367e309f7efccb239188290417f940976fa67e807795246e6d60a00?ver=CBV2.0',
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: { id: 'https://id.gs1.org/414/5412345000013' },
      bizLocation: { id: 'https://id.gs1.org/414/5412345000013' },
      epcList: ['https://id.gs1.org/01/09506000134352/21/A%2FB-1'],
      ilmd: { 'cbvmda:lotNumber': 'L1', 'cbvmda:itemExpirationDate': '2026-12-31' },
    });
    expectValidEpcis(event);
  });

  it('gives the same id whenever the event was recorded, and another id for another event', () => {
    const what = { action: 'OBSERVE' as const, epcList: [pack] };
    const first = objectEvent(context, what);
    const later = objectEvent({ ...context, recordTime: new Date('2026-11-25T00:00:00Z') }, what);
    expect(later.recordTime).not.toBe(first.recordTime);
    expect(later.eventID).toBe(first.eventID);
    expect(objectEvent({ ...context, disposition: 'inactive' }, what).eventID).not.toBe(
      first.eventID,
    );
  });

  it('shapes packing as an AggregationEvent under an SSCC', () => {
    const event = aggregationEvent(
      { ...context, bizStep: 'packing', disposition: 'in_progress' },
      { action: 'ADD', parentId: containerUri('106141411234567897'), childEPCs: [pack] },
    );
    expect(event).toMatchObject({
      type: 'AggregationEvent',
      parentID: 'https://id.gs1.org/00/106141411234567897',
      childEPCs: [pack],
    });
    expectValidEpcis(event);
  });

  it('shapes a recall as an ObjectEvent about the batch or the product, with no place', () => {
    for (const epcClass of [batchUri('09506000134352', 'L/1'), productUri('09506000134352')]) {
      const event = objectEvent(
        { ...context, siteGln: null, ...epcisVocabulary('recall') },
        { action: 'OBSERVE', epcClass },
      );
      expect(event).toMatchObject({ quantityList: [{ epcClass }], disposition: 'recalled' });
      expect(event).not.toHaveProperty('readPoint');
      expectValidEpcis(event);
    }
  });

  it('writes every action as a schema-valid event with its CBV business step and disposition', () => {
    for (const action of PACK_ACTIONS) {
      const vocabulary = { ...context, ...epcisVocabulary(action) };
      const event =
        action === 'pack' || action === 'unpack'
          ? aggregationEvent(vocabulary, {
              action: action === 'pack' ? 'ADD' : 'DELETE',
              parentId: containerUri('106141411234567897'),
              childEPCs: [pack],
            })
          : objectEvent(vocabulary, {
              action: action === 'commission' ? 'ADD' : 'OBSERVE',
              epcList: [pack],
              ...(action === 'commission' && { ilmd: { lot: 'L1', expiry: '2026-12-31' } }),
              ...(action === 'ship' && { destinationGln: '5412345000020' }),
            });
      expect(event).toMatchObject(epcisVocabulary(action));
      expectValidEpcis(event);
    }
  });

  it('is refused by the schema where EPCIS says so: ilmd on an OBSERVE, no @context alone', () => {
    const observed = objectEvent(context, {
      action: 'OBSERVE',
      epcList: [pack],
      ilmd: { lot: 'L1', expiry: '2026-12-31' },
    });
    expect(epcisSchemaErrors(observed)).not.toEqual([]);
    const { '@context': _context, ...bare } = objectEvent(context, {
      action: 'OBSERVE',
      epcList: [pack],
    });
    expect(_context).toBe(EPCIS_CONTEXT);
    expect(epcisSchemaErrors(bare)).not.toEqual([]);
  });

  it('emits a stored event exactly as stored, so its canonical bytes are the leaf', () => {
    const stored = canonicalJson(objectEvent(context, { action: 'OBSERVE', epcList: [pack] }));
    expect(canonicalJson(epcisEventOf(stored))).toEqual(stored);
    const legacy = new TextEncoder().encode('{"eventTime":"2026-11-24T10:00:00.000Z"}');
    expect(canonicalJson(epcisEventOf(legacy))).toEqual(legacy);
    expect(() => epcisEventOf(new TextEncoder().encode('[1]'))).toThrow('not a JSON object');
  });

  it('wraps events in an EPCISDocument, in order', () => {
    const events = [
      objectEvent(context, {
        action: 'ADD',
        epcList: [pack],
        ilmd: { lot: 'L', expiry: '2027-01-31' },
      }),
      objectEvent(
        { ...context, bizStep: 'shipping', disposition: 'in_transit' },
        {
          action: 'OBSERVE',
          epcList: [pack],
        },
      ),
    ];
    expect(epcisDocument(events, creationDate)).toEqual({
      '@context': EPCIS_CONTEXT,
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-11-24T11:00:00.000Z',
      epcisBody: { eventList: events },
    });
  });

  it('writes pack identifiers exactly as the general Digital Link builder does', () => {
    const cset82 =
      '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
    const serial = fc.string({ unit: fc.constantFrom(...cset82), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(serial, (value) => {
        const general = buildDigitalLink([
          { ai: '01', value: '09506000134352' },
          { ai: '21', value },
        ]);
        expect(packUri('09506000134352', value)).toBe(general);
      }),
    );
  });
});
