// The pre-hash rules on small events: what is ordered, what is sorted, what is left out, and
// that the order a system happens to write things in never changes the id.

import fc from 'fast-check';
import {
  EpcisError,
  epcisDocumentEvents,
  eventHash,
  eventPrehash,
  type JsonObject,
  type JsonValue,
} from '@pedigree/epcis';

const base: JsonObject = {
  type: 'ObjectEvent',
  eventTime: '2024-05-01T10:00:00Z',
  eventTimeZoneOffset: '+02:00',
  action: 'OBSERVE',
};

describe('eventPrehash', () => {
  it('writes the standard fields in the canonical order, not in the order given', () => {
    const prehash = eventPrehash({
      bizStep: 'shipping',
      readPoint: { id: 'urn:epc:id:sgln:4012345.00005.0' },
      action: 'OBSERVE',
      epcList: ['urn:epc:id:sscc:4012345.0000000333'],
      eventTimeZoneOffset: '+02:00',
      eventTime: '2024-05-01T12:00:00+02:00',
      type: 'ObjectEvent',
    });
    expect(prehash).toBe(
      'eventType=ObjectEventeventTime=2024-05-01T10:00:00.000ZeventTimeZoneOffset=+02:00' +
        'epcListepc=https://id.gs1.org/00/040123450000003338action=OBSERVE' +
        'bizStep=https://ref.gs1.org/cbv/BizStep-shipping' +
        'readPointid=https://id.gs1.org/414/4012345000054',
    );
  });

  it('sorts list entries, writes type first in transactions and sorts the typed lists', () => {
    const prehash = eventPrehash({
      ...base,
      epcList: [
        'https://id.gs1.org/01/09506000134352/21/B',
        'https://id.gs1.org/01/09506000134352/21/A',
      ],
      sourceList: [{ source: 'urn:epc:id:pgln:4012345.00000', type: 'owning_party' }],
      destinationList: [{ destination: 'urn:epc:id:pgln:0614141.00000', type: 'owning_party' }],
      bizTransactionList: [
        { bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:2', type: 'po' },
        { bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:1', type: 'inv' },
      ],
    });
    expect(prehash).toContain('epcListepc=https://id.gs1.org/01/09506000134352/21/Aepc=');
    expect(prehash).toContain(
      'bizTransactionListtype=https://ref.gs1.org/cbv/BTT-invbizTransaction=urn:epcglobal:cbv:bt:4012345000009:1' +
        'type=https://ref.gs1.org/cbv/BTT-po',
    );
    expect(prehash.indexOf('bizTransactionList')).toBeLessThan(prehash.indexOf('destinationList'));
    expect(prehash.indexOf('destinationList')).toBeLessThan(prehash.indexOf('sourceList'));
  });

  it('names extensions by namespace, sorted, whatever prefix the document chose', () => {
    const event = (prefix: string): JsonObject => ({
      ...base,
      [`${prefix}:zone`]: 'B',
      [`${prefix}:box`]: { [`${prefix}:size`]: '2', [`${prefix}:colour`]: 'red' },
      ilmd: { 'cbvmda:lotNumber': 'L42' },
    });
    const one = eventPrehash(event('a'), { context: [{ a: 'https://ns.example.com/' }] });
    const two = eventPrehash(event('b'), { context: { b: 'https://ns.example.com/' } });
    expect(one).toBe(two);
    expect(one).toMatch(
      /action=OBSERVEilmd\{urn:epcglobal:cbv:mda:\}lotNumber=L42\{https:\/\/ns\.example\.com\/\}box\{https:\/\/ns\.example\.com\/\}colour=red\{https:\/\/ns\.example\.com\/\}size=2\{https:\/\/ns\.example\.com\/\}zone=B$/,
    );
  });

  it('leaves out eventID, recordTime, errorDeclaration, comments and the ignored fields', () => {
    const plain = eventPrehash(base);
    const decorated: JsonObject = {
      ...base,
      eventID: 'urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8',
      recordTime: '2024-05-01T10:00:01Z',
      errorDeclaration: { declarationTime: '2024-05-02T10:00:00Z', reason: 'incorrect_data' },
      'rdfs:comment': 'seen at the gate',
      'repo:hash': 'ni:///sha-256;00?ver=CBV2.0',
      '@context': { repo: 'https://repo.example.com/' },
    };
    expect(eventPrehash(decorated, { ignoreFields: ['repo:hash'] })).toBe(plain);
    expect(eventPrehash(decorated)).toBe(
      `${plain}{https://repo.example.com/}hash=ni:///sha-256;00?ver=CBV2.0`,
    );
  });

  it('throws NOT_AN_EVENT without a type', () => {
    expect(() => eventPrehash({ eventTime: '2024-05-01T10:00:00Z' })).toThrow(EpcisError);
    expect(() => eventPrehash({ eventTime: '2024-05-01T10:00:00Z' })).toThrow(/"type"/);
  });
});

describe('eventHash', () => {
  it('is an ni URI of SHA-256 with the CBV version', () => {
    expect(eventHash(base)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('does not depend on the order of keys or of list entries', () => {
    const event: JsonObject = {
      ...base,
      epcList: [
        'urn:epc:id:sgtin:0614141.107346.1',
        'urn:epc:id:sgtin:0614141.107346.2',
        'urn:epc:id:sgtin:0614141.107346.3',
      ],
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.L1', quantity: 2, uom: 'KGM' },
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.L2', quantity: 1.5 },
      ],
      bizTransactionList: [
        { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:1' },
        { type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:2' },
      ],
      'cbvmda:note': { 'cbvmda:a': '1', 'cbvmda:b': ['x', 'y'] },
    };
    const expected = eventHash(event);
    const shuffled = (value: JsonValue, random: () => number): JsonValue => {
      const shuffle = <T>(items: T[]): T[] =>
        items
          .map((x) => [random(), x] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, x]) => x);
      if (Array.isArray(value)) return shuffle(value.map((v) => shuffled(v, random)));
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        shuffle(Object.entries(value)).map(([k, v]) => [k, shuffled(v, random)]),
      );
    };
    fc.assert(
      fc.property(fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (stream) => {
        const iterator = stream[Symbol.iterator]();
        const random = (): number => iterator.next().value as number;
        expect(eventHash(shuffled(event, random) as JsonObject)).toBe(expected);
      }),
    );
  });
});

describe('epcisDocumentEvents', () => {
  it('reads a single-event body and a query document, with ignoreFields', () => {
    expect(
      epcisDocumentEvents({ type: 'EPCISDocument', epcisBody: { event: base } }).events,
    ).toEqual([base]);
    const query = epcisDocumentEvents({
      '@context': [{ r: 'https://repo.example.com/' }],
      type: 'EPCISQueryDocument',
      epcisBody: {
        queryResults: { 'r:ignoreFields': ['r:hash'], resultsBody: { eventList: [base] } },
      },
    });
    expect(query.events).toEqual([base]);
    expect(query.options.ignoreFields).toEqual(['r:hash']);
  });

  it('throws NOT_A_DOCUMENT without an event list', () => {
    expect(() => epcisDocumentEvents({ type: 'EPCISDocument', epcisBody: {} })).toThrow(
      expect.objectContaining({ code: 'NOT_A_DOCUMENT' }),
    );
  });
});
