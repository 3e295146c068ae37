import { GS, buildDigitalLink, toElementString, type Gs1Ai } from '@pedigree/gs1';
import { decodeDataMatrix, decodeQr } from '../../../test/harness/decode-symbol';
import { MEDIA_TYPES, dataMatrix, qrCode } from './symbols';

const pack = (lot: string, serial: string): Gs1Ai[] => [
  { ai: '01', value: '09506000134352' },
  { ai: '17', value: '281200' },
  { ai: '10', value: lot },
  { ai: '21', value: serial },
];

/** Lots and serials with GS1 punctuation that HTML, URIs and BWIPP each treat specially. */
const AWKWARD = [
  pack('L42', 'A1B2C3D4E5'),
  pack('A(B)<&>', 'x\'"%/?'),
  pack('12345678901234567890', '0'),
];

describe('qrCode', () => {
  it.each(AWKWARD)('carries the Digital Link byte for byte (lot %#)', async (...ais) => {
    const uri = buildDigitalLink(ais, 'https://verify.example.org');
    expect(decodeQr(await qrCode(uri, 'png'))).toBe(uri);
  });

  it('is an SVG with a viewBox and no fixed size, so it scales to any box', async () => {
    const svg = await qrCode('https://verify.example.org/01/09506000134352/21/A1', 'svg');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).not.toMatch(/<svg[^>]*\s(width|height)=/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});

describe('dataMatrix', () => {
  it.each(AWKWARD)(
    'carries the element string: FNC1 first, GS after a variable-length value (lot %#)',
    async (...ais) => {
      const elementString = toElementString(ais);
      expect(decodeDataMatrix(await dataMatrix(elementString, 'png'))).toBe(GS + elementString);
    },
  );

  it('is an SVG with a viewBox, a white ground and no fixed size', async () => {
    const svg = await dataMatrix(toElementString(pack('L42', 'A1')), 'svg');
    expect(svg).toMatch(/^<svg viewBox="0 0 (\d+) \1" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
    expect(svg).not.toMatch(/<svg[^>]*\s(width|height)=/);
    expect(svg).toContain('fill="#FFFFFF"');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('refuses data that is not a valid element string, naming the AI at fault', async () => {
    await expect(dataMatrix('0109506000134353', 'svg')).rejects.toThrow(/\(01\).*check digit/);
  });

  it('names the media type of each format', () => {
    expect(MEDIA_TYPES).toEqual({ svg: 'image/svg+xml', png: 'image/png' });
  });
});
