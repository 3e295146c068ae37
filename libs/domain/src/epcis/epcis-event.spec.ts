import { buildDigitalLink } from '@pedigree/gs1';
import fc from 'fast-check';
import { aggregationEvent, objectEvent } from './epcis-event';
import { containerUri, packUri } from './gs1-identifiers';

const context = {
  eventTime: new Date('2026-11-24T10:00:00Z'),
  bizStep: 'commissioning',
  disposition: 'active',
  siteGln: '5412345000013',
};

describe('EPCIS events', () => {
  it('shapes commissioning as an ObjectEvent ADD with ilmd and GLN locations', () => {
    expect(
      objectEvent(context, {
        action: 'ADD',
        epcList: [packUri('09506000134352', 'A/B-1')],
        ilmd: { lot: 'L1', expiry: '2026-12-31' },
      }),
    ).toEqual({
      type: 'ObjectEvent',
      action: 'ADD',
      eventTime: '2026-11-24T10:00:00.000Z',
      eventTimeZoneOffset: '+00:00',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-commissioning',
      disposition: 'https://ref.gs1.org/cbv/Disp-active',
      readPoint: { id: 'https://id.gs1.org/414/5412345000013' },
      bizLocation: { id: 'https://id.gs1.org/414/5412345000013' },
      epcList: ['https://id.gs1.org/01/09506000134352/21/A%2FB-1'],
      ilmd: { 'cbvmda:lotNumber': 'L1', 'cbvmda:itemExpirationDate': '2026-12-31' },
    });
  });

  it('shapes packing as an AggregationEvent under an SSCC', () => {
    const event = aggregationEvent(
      { ...context, bizStep: 'packing', disposition: 'in_progress' },
      { action: 'ADD', parentId: containerUri('106141411234567897'), childEPCs: ['x'] },
    );
    expect(event).toMatchObject({
      type: 'AggregationEvent',
      parentID: 'https://id.gs1.org/00/106141411234567897',
      childEPCs: ['x'],
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
