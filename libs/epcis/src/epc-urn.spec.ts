import { epcUriToDigitalLink } from './epc-uri';
import { eventHash } from './event-hash';
import { digitalLinkToEpcUri, withDigitalLinks, withEpcUrns } from './epc-urn';

const known = (prefixes: string[]) => (digits: string) =>
  prefixes.find((p) => digits.startsWith(p));

describe('digitalLinkToEpcUri', () => {
  it.each([
    ['https://id.gs1.org/01/10614141073464/21/2017', 'urn:epc:id:sgtin:0614141.107346.2017'],
    ['https://id.gs1.org/00/106141412345678908', 'urn:epc:id:sscc:0614141.1234567890'],
    ['https://id.gs1.org/414/0614141000005', 'urn:epc:id:sgln:0614141.00000.0'],
    ['https://id.gs1.org/414/0614141000005/254/12', 'urn:epc:id:sgln:0614141.00000.12'],
    ['https://id.gs1.org/01/10614141073464/10/L%2F7', 'urn:epc:class:lgtin:0614141.107346.L%2F7'],
    ['https://id.gs1.org/01/10614141073464', 'urn:epc:idpat:sgtin:0614141.107346.*'],
  ])('writes %s as %s, which reads back to the same link', (link, urn) => {
    expect(digitalLinkToEpcUri(link, known(['0614141']))).toBe(urn);
    if (!urn.includes('idpat')) expect(epcUriToDigitalLink(urn)).toBe(link);
  });

  it('escapes what a URN cannot carry as it is', () => {
    expect(
      digitalLinkToEpcUri('https://id.gs1.org/01/10614141073464/21/A%26B%3F', known(['0614141'])),
    ).toBe('urn:epc:id:sgtin:0614141.107346.A%26B%3F');
  });

  it('gives null without a known company prefix, or for what it does not write', () => {
    expect(
      digitalLinkToEpcUri('https://id.gs1.org/01/10614141073464/21/2017', known([])),
    ).toBeNull();
    expect(
      digitalLinkToEpcUri('https://id.gs1.org/8003/03870585000552987', known(['0387058'])),
    ).toBeNull();
    expect(
      digitalLinkToEpcUri('https://example.org/01/10614141073464', known(['0614141'])),
    ).toBeNull();
  });
});

describe('withEpcUrns', () => {
  const event = {
    type: 'AggregationEvent',
    eventTime: '2026-11-24T10:00:00.000Z',
    eventTimeZoneOffset: '+00:00',
    action: 'ADD',
    parentID: 'https://id.gs1.org/00/106141412345678908',
    childEPCs: [
      'https://id.gs1.org/01/10614141073464/21/2017',
      'https://id.gs1.org/01/19999999999992/21/1',
    ],
    childQuantityList: [{ epcClass: 'https://id.gs1.org/01/10614141073464/10/L1', quantity: 2 }],
    bizStep: 'packing',
    readPoint: { id: 'https://id.gs1.org/414/0614141000005' },
    destinationList: [{ type: 'location', destination: 'https://id.gs1.org/414/0614141000005' }],
  };

  it('writes every identifier under a known prefix as a URN, and keeps the event hash', () => {
    const urns = withEpcUrns(event, known(['0614141']));
    expect(urns).toMatchObject({
      parentID: 'urn:epc:id:sscc:0614141.1234567890',
      childEPCs: [
        'urn:epc:id:sgtin:0614141.107346.2017',
        'https://id.gs1.org/01/19999999999992/21/1',
      ],
      childQuantityList: [{ epcClass: 'urn:epc:class:lgtin:0614141.107346.L1', quantity: 2 }],
      readPoint: { id: 'urn:epc:id:sgln:0614141.00000.0' },
      destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:0614141.00000.0' }],
    });
    expect(eventHash(urns)).toBe(eventHash(event));
  });

  it('writes them back as the Digital Links they were; what has no such form stays as it is', () => {
    const urns = withEpcUrns(event, known(['0614141']));
    expect(withDigitalLinks(urns)).toEqual(event);
    const parties = {
      ...event,
      sourceList: [
        { type: 'owning_party', source: 'urn:epc:id:pgln:4012345.00225' },
        { type: 'location', source: 'https://example.org/warehouse/7' },
      ],
    };
    expect(withDigitalLinks(parties).sourceList).toEqual([
      { type: 'owning_party', source: 'https://id.gs1.org/417/4012345002256' },
      { type: 'location', source: 'https://example.org/warehouse/7' },
    ]);
  });
});
