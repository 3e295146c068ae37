// Timestamps, numbers, vocabulary and CURIEs as the pre-hash writes them (rules 5 to 9, 14 to 16).

import { canonicalNumber, canonicalTimestamp, canonicalValue } from './canonical-value';
import { prefixesOf } from './context';
import { BIZ_STEP } from './vocabulary';

describe('canonicalTimestamp', () => {
  it.each([
    ['2005-04-03T20:33:31.116000-06:00', '2005-04-04T02:33:31.116Z'],
    ['2020-03-04T11:00:30+01:00', '2020-03-04T10:00:30.000Z'],
    ['2022-02-17T11:30:47.0Z', '2022-02-17T11:30:47.000Z'],
    ['2023-02-02T11:04:03.1415Z', '2023-02-02T11:04:03.142Z'],
    ['2023-02-02T11:04:03.1414999Z', '2023-02-02T11:04:03.141Z'],
    ['2019-12-31T23:59:59.9995+00:00', '2020-01-01T00:00:00.000Z'],
    ['2024-02-29T00:30:00+05:30', '2024-02-28T19:00:00.000Z'],
    ['2024-02-29T00:30:00', '2024-02-29T00:30:00.000Z'],
  ])('%s → %s', (text, utc) => {
    expect(canonicalTimestamp(text)).toBe(utc);
  });

  it.each(['2023-02-29T00:00:00Z', '2023-01-01T24:00:00Z', '2023-01-01', 'yesterday'])(
    '%s is not a date-time: null',
    (text) => {
      expect(canonicalTimestamp(text)).toBeNull();
    },
  );
});

describe('canonicalNumber', () => {
  it.each([
    [26, '26'],
    [452.0, '452'],
    [0.1, '0.1'],
    [-0, '0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e21, '1000000000000000000000'],
  ])('%d → %s', (value, text) => {
    expect(canonicalNumber(value)).toBe(text);
  });
});

describe('canonicalValue', () => {
  const prefixes = prefixesOf({ example: 'https://ns.example.com/epcis/' });

  it('expands a bare word of the field vocabulary only', () => {
    expect(canonicalValue('shipping', 'bizStep', prefixes, BIZ_STEP)).toBe(
      'https://ref.gs1.org/cbv/BizStep-shipping',
    );
    expect(canonicalValue('shipping', 'example:note', prefixes)).toBe('shipping');
    expect(canonicalValue('sailing', 'bizStep', prefixes, BIZ_STEP)).toBe('sailing');
  });

  it('rewrites CBV URNs and expands CURIEs of known prefixes', () => {
    expect(canonicalValue('urn:epcglobal:cbv:disp:in_transit', 'disposition', prefixes)).toBe(
      'https://ref.gs1.org/cbv/Disp-in_transit',
    );
    expect(
      canonicalValue('urn:epcglobal:cbv:bt:0614141073467:1152', 'bizTransaction', prefixes),
    ).toBe('urn:epcglobal:cbv:bt:0614141073467:1152');
    expect(canonicalValue('gs1:Temperature', 'type', prefixes)).toBe(
      'https://gs1.org/voc/Temperature',
    );
    expect(canonicalValue('example:red', 'example:colour', prefixes)).toBe(
      'https://ns.example.com/epcis/red',
    );
    expect(canonicalValue('geo:47.506694,11.104301', 'id', prefixes)).toBe(
      'geo:47.506694,11.104301',
    );
  });

  it('writes numbers, numeric text and booleans one way', () => {
    expect(canonicalValue(' 007 ', 'example:count', prefixes)).toBe('7');
    expect(canonicalValue('1_000.50', 'example:count', prefixes)).toBe('1000.5');
    expect(canonicalValue(true, 'booleanValue', prefixes)).toBe('true');
  });

  it('normalises timestamps only in fields named like a time, not an offset', () => {
    expect(canonicalValue('2020-01-01T01:00:00+01:00', 'example:pickupTime', prefixes)).toBe(
      '2020-01-01T00:00:00.000Z',
    );
    expect(canonicalValue('+01:00', 'eventTimeZoneOffset', prefixes)).toBe('+01:00');
    expect(canonicalValue('2020-01-01T01:00:00+01:00', 'example:note', prefixes)).toBe(
      '2020-01-01T01:00:00+01:00',
    );
  });

  it('turns EPC URIs and Digital Links into canonical Digital Links', () => {
    expect(canonicalValue('urn:epc:id:sscc:4012345.0000000333', 'epc', prefixes)).toBe(
      'https://id.gs1.org/00/040123450000003338',
    );
    expect(canonicalValue('https://id.example.org/8004/401234599999', 'rawData', prefixes)).toBe(
      'https://id.gs1.org/8004/401234599999',
    );
  });
});
