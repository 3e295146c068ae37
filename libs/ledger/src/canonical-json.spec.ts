import fc from 'fast-check';
import { canonicalJson, type JsonValue } from './canonical-json';
import { LedgerError } from './ledger-error';

const text = (value: JsonValue) => new TextDecoder().decode(canonicalJson(value));

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and writes no whitespace', () => {
    // RFC 8785 §3.2.3's sorting example, reduced: code-unit order, not locale order.
    const value = {
      '\u20ac': 'Euro',
      '\r': 'CR',
      '1': 'one',
      '\u0080': 'ctl',
      ö: 'o',
      b: [1, { z: null, a: true }],
    };
    expect(text(value)).toBe(
      '{"\\r":"CR","1":"one","b":[1,{"a":true,"z":null}],"\u0080":"ctl","ö":"o","€":"Euro"}',
    );
  });

  it('writes numbers as ECMAScript does', () => {
    expect(text([1e21, 1e-7, -0, 0.1, 123456789012345680000])).toBe(
      '[1e+21,1e-7,0,0.1,123456789012345680000]',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(LedgerError);
    expect(() => canonicalJson({ a: undefined } as unknown as JsonValue)).toThrow(LedgerError);
  });

  it('gives the same bytes whatever the key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const bytes = text(value as JsonValue);
        const reordered = JSON.parse(JSON.stringify(value), (_, v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(text(reordered as JsonValue)).toBe(bytes);
        expect(JSON.parse(bytes)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
