import { epcisIndexOf } from './epcis-index';
import { objectEvent } from './epcis-event';

describe('the EPCIS index of an event', () => {
  it('keeps what the query interface filters on, CBV values as words', () => {
    const at = new Date('2026-11-24T10:00:00.000Z');
    const event = objectEvent(
      {
        eventTime: at,
        recordTime: at,
        bizStep: 'shipping',
        disposition: 'in_transit',
        siteGln: '5412345000013',
      },
      { action: 'OBSERVE', epcList: ['https://id.gs1.org/01/09506000134352/21/A1'] },
    );
    expect(epcisIndexOf(event, String(event.eventID))).toEqual({
      eventType: 'ObjectEvent',
      eventTime: '2026-11-24T10:00:00.000Z',
      recordTime: '2026-11-24T10:00:00.000Z',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: 'https://id.gs1.org/414/5412345000013',
      bizLocation: 'https://id.gs1.org/414/5412345000013',
      eventId: event.eventID,
      eventHash: event.eventID,
      epcs: [{ epc: 'https://id.gs1.org/01/09506000134352/21/A1', role: 'epc' }],
    });
  });

  it('reads a captured event written in URIs, without a place or record time', () => {
    const index = epcisIndexOf(
      {
        type: 'AggregationEvent',
        eventTime: '2020-01-01T00:00:00Z',
        bizStep: 'urn:epcglobal:cbv:bizstep:packing',
        disposition: 'https://ref.gs1.org/cbv/Disp-in_progress',
        eventID: 'urn:uuid:7b1f1f9e-0000-4000-8000-000000000001',
        parentID: 'urn:epc:id:sscc:0614141.1234567890',
        childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2017'],
        childQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 2 }],
      },
      'ni:///sha-256;00?ver=CBV2.0',
    );
    expect(index.epcs).toEqual([
      { epc: 'https://id.gs1.org/00/106141412345678908', role: 'parent' },
      { epc: 'https://id.gs1.org/01/10614141073464/21/2017', role: 'epc' },
      { epc: 'https://id.gs1.org/01/04012345123456/10/998877', role: 'class' },
    ]);
    expect(index).toMatchObject({
      eventType: 'AggregationEvent',
      recordTime: null,
      bizStep: 'packing',
      disposition: 'in_progress',
      readPoint: null,
      eventId: 'urn:uuid:7b1f1f9e-0000-4000-8000-000000000001',
      eventHash: 'ni:///sha-256;00?ver=CBV2.0',
    });
  });
});
