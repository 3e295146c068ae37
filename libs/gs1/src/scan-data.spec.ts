// parseScanData on what pharmacy and warehouse scanners send, beyond the GS1 engine's cases:
// a real pack's DataMatrix, keyboard-wedge input without a symbology identifier, the options.

import { buildDigitalLink, parseDigitalLink } from './digital-link';
import { toElementString } from './element-string';
import { Gs1Error } from './gs1.error';
import { parseScanData } from './scan-data';

const PACK = [
  { ai: '01', value: '09506000134352' },
  { ai: '17', value: '201225' },
  { ai: '10', value: 'ABC123' },
  { ai: '21', value: 'XYZ' },
];

test('the same pack in every form a scanner may send', () => {
  const es = '01095060001343521720122510ABC123\x1d21XYZ';
  expect(toElementString(PACK)).toBe(es);
  for (const sym of [']d2', ']Q3', ']C1', ']e0', ']J1']) {
    expect(parseScanData(`${sym}${es}`)).toEqual({ symbology: sym, ais: PACK });
  }
  expect(parseScanData(es)).toEqual({ symbology: null, ais: PACK });
  expect(parseScanData(`\x1d${es}`)).toEqual({ symbology: null, ais: PACK });
  expect(parseScanData('(01)09506000134352(17)201225(10)ABC123(21)XYZ')).toEqual({
    symbology: null,
    ais: PACK,
  });
  const uri = 'https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=201225';
  const dlOrder = [PACK[0], PACK[2], PACK[3], PACK[1]];
  expect(parseScanData(uri)).toEqual({ symbology: null, ais: dlOrder });
  expect(parseScanData(`]Q1${uri}`)).toEqual({ symbology: ']Q1', ais: dlOrder });
  expect(parseScanData(`]d1${uri}`)).toEqual({ symbology: ']d1', ais: dlOrder });
});

test('a GS after a predefined-length AI is tolerated', () => {
  expect(parseScanData(']d20109506000134352\x1d17201225\x1d10ABC123').ais).toHaveLength(3);
});

test('validates by default; validate: false keeps only the structure checks', () => {
  const noGtin = ']d217201200';
  expect(() => parseScanData(noGtin)).toThrow(expect.objectContaining({ code: 'MISSING_PAIRING' }));
  expect(parseScanData(noGtin, { validate: false }).ais).toEqual([{ ai: '17', value: '201200' }]);
  expect(() => parseScanData(']d20109506000134353', { validate: false })).not.toThrow();
  expect(() => parseScanData(']d20109506000134353')).toThrow(
    expect.objectContaining({ code: 'BAD_CHECK_DIGIT', ai: '01' }),
  );
  expect(() => parseScanData(']d2010950600013435', { validate: false })).toThrow(Gs1Error);
});

test('expiry day 00 is allowed for (17), a real date is required', () => {
  expect(() => parseScanData(']d2010950600013435217261200')).not.toThrow();
  expect(() => parseScanData(']d2010950600013435217240229')).not.toThrow();
  expect(() => parseScanData(']d2010950600013435217250229')).toThrow(
    expect.objectContaining({ code: 'BAD_DATE' }),
  );
});

test('eanUpcAsGtin reads a plain EAN-13 or EAN-8 as (01)', () => {
  expect(parseScanData(']E02112345678900', { eanUpcAsGtin: true })).toEqual({
    symbology: ']E0',
    ais: [{ ai: '01', value: '02112345678900' }],
  });
  expect(parseScanData(']E402345673', { eanUpcAsGtin: true }).ais).toEqual([
    { ai: '01', value: '00000002345673' },
  ]);
});

test('unknown symbologies and plain Code 128 are not GS1 data', () => {
  for (const scan of [']C0ABC', ']A0ABC', ']Q0x', 'ABC', 'HtTps://id.gs1.org/01/09506000134352']) {
    expect(() => parseScanData(scan)).toThrow(expect.objectContaining({ code: 'NOT_GS1_DATA' }));
  }
});

describe('Digital Link', () => {
  test('canonical URI: key, qualifiers in order, sorted attributes, GS1 percent-encoding', () => {
    const ais = [
      { ai: '17', value: '261231' },
      { ai: '21', value: 'A/1%+' },
      { ai: '3103', value: '000195' },
      { ai: '10', value: 'LOT(1' },
      { ai: '01', value: '09506000134352' },
      { ai: '22', value: '2A' },
    ];
    expect(buildDigitalLink(ais)).toBe(
      'https://id.gs1.org/01/09506000134352/22/2A/10/LOT%281/21/A%2F1%25%2B?17=261231&3103=000195',
    );
    expect(
      buildDigitalLink([{ ai: '00', value: '006141411234567890' }], 'https://example.com/'),
    ).toBe('https://example.com/00/006141411234567890');
  });

  test('the alternative qualifier sequence (01)/(235) is kept apart from (10)', () => {
    const ais = [
      { ai: '01', value: '09520123456788' },
      { ai: '235', value: 'XYZ' },
      { ai: '10', value: 'ABC123' },
    ];
    const uri = buildDigitalLink(ais);
    expect(uri).toBe('https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123');
    expect(parseDigitalLink(uri).ais).toEqual(ais);
  });

  test('needs a primary key and an http(s) base', () => {
    expect(() =>
      buildDigitalLink([{ ai: '99', value: 'X' }], undefined, { validate: false }),
    ).toThrow(expect.objectContaining({ code: 'BAD_URI' }));
    expect(() => buildDigitalLink(PACK, 'ftp://x')).toThrow(
      expect.objectContaining({ code: 'BAD_URI' }),
    );
  });

  test('the stem before the primary key is the base', () => {
    expect(parseDigitalLink('https://brand.example.com/some/stem/01/09506000134352').base).toBe(
      'https://brand.example.com/some/stem',
    );
  });
});
