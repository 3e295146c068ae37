// Rule 18: a Digital Link in an event takes the constrained canonical form.

import { canonicalDigitalLink } from '@pedigree/epcis';

describe('canonicalDigitalLink', () => {
  it.each([
    [
      'other resolver',
      'https://id.gs1.de/01/04012345999990/21/XYZ-1234',
      'https://id.gs1.org/01/04012345999990/21/XYZ-1234',
    ],
    [
      'path before the key, query',
      'http://example.com/a/b/01/09506000134352/21/X1?17=261231',
      'https://id.gs1.org/01/09506000134352/21/X1',
    ],
    [
      'short names, GTIN-13 padded',
      'https://example.com/gtin/9780345418913/ser/765tz#top',
      'https://id.gs1.org/01/09780345418913/21/765tz',
    ],
    ['GTIN-8 padded', 'https://id.gs1.org/01/95012346', 'https://id.gs1.org/01/00000095012346'],
    [
      'serial wins over lot',
      'https://id.gs1.org/01/09506000134352/10/L1/21/S1',
      'https://id.gs1.org/01/09506000134352/21/S1',
    ],
    [
      'lot kept alone',
      'https://id.gs1.org/01/09506000134352/10/L1',
      'https://id.gs1.org/01/09506000134352/10/L1',
    ],
    [
      'CPV dropped',
      'https://id.gs1.org/01/09506000134352/22/2A/10/L1',
      'https://id.gs1.org/01/09506000134352/10/L1',
    ],
    [
      'GLN extension',
      'https://id.example.com/414/4012345000245/254/1',
      'https://id.gs1.org/414/4012345000245/254/1',
    ],
    [
      'SSCC, trailing slash',
      'https://id.gs1.de/00/040123451111111110/',
      'https://id.gs1.org/00/040123451111111110',
    ],
    [
      'GDTI with serial',
      'https://id.example.com/253/4012345000054987',
      'https://id.gs1.org/253/4012345000054987',
    ],
  ])('%s', (_why, uri, canonical) => {
    expect(canonicalDigitalLink(uri)).toBe(canonical);
  });

  it.each([
    'http://transaction.acme.com/po/12345678',
    'http://www.opengis.net/def/crs/EPSG/0/27700',
    'https://ref.gs1.org/cbv/BizStep-shipping',
    'https://id.gs1.org/01/123/21/1',
    'urn:epc:id:sgtin:0614141.107346.2017',
  ])('%s is not one: null', (uri) => {
    expect(canonicalDigitalLink(uri)).toBeNull();
  });
});
