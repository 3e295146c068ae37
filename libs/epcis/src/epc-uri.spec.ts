// EPC URI → canonical Digital Link, one case per scheme (keys from the GS1 EPC Tag Data Standard
// examples and the event hash vectors), and the inputs that must not convert.

import { epcUriToDigitalLink } from '@pedigree/epcis';

describe('epcUriToDigitalLink', () => {
  it.each([
    ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
    ['urn:epc:id:sgtin:415056789012.0.987654', 'https://id.gs1.org/01/04150567890128/21/987654'],
    ['urn:epc:id:sscc:0614141.1234567890', 'https://id.gs1.org/00/106141412345678908'],
    ['urn:epc:id:sgln:0614141.12345.0', 'https://id.gs1.org/414/0614141123452'],
    ['urn:epc:id:sgln:0614141.12345.400', 'https://id.gs1.org/414/0614141123452/254/400'],
    ['urn:epc:id:grai:0614141.12345.400', 'https://id.gs1.org/8003/00614141123452400'],
    ['urn:epc:id:giai:0614141.12345400', 'https://id.gs1.org/8004/061414112345400'],
    ['urn:epc:id:gsrn:0614141.1234567890', 'https://id.gs1.org/8018/061414112345678902'],
    ['urn:epc:id:gsrnp:0614141.1234567890', 'https://id.gs1.org/8017/061414112345678902'],
    ['urn:epc:id:gdti:0614141.12345.400', 'https://id.gs1.org/253/0614141123452400'],
    ['urn:epc:id:gdti:987659999999..9', 'https://id.gs1.org/253/98765999999929'],
    [
      'urn:epc:id:cpi:0614141.123ABC.123456789',
      'https://id.gs1.org/8010/0614141123ABC/8011/123456789',
    ],
    ['urn:epc:id:sgcn:4012345.67890.04711', 'https://id.gs1.org/255/401234567890104711'],
    ['urn:epc:id:ginc:0614141.xyz3311cba', 'https://id.gs1.org/401/0614141xyz3311cba'],
    ['urn:epc:id:gsin:0614141.123456789', 'https://id.gs1.org/402/06141411234567890'],
    [
      'urn:epc:id:itip:4012345.012345.01.02.987',
      'https://id.gs1.org/8006/040123451234560102/21/987',
    ],
    [
      "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB",
      "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB",
    ],
    ['urn:epc:id:pgln:999999999999.', 'https://id.gs1.org/417/9999999999994'],
    ['urn:epc:class:lgtin:4012345.012345.998877', 'https://id.gs1.org/01/04012345123456/10/998877'],
    ['urn:epc:idpat:sgtin:4012345.012345.*', 'https://id.gs1.org/01/04012345123456'],
    ['urn:epc:idpat:grai:4012345.66666.*', 'https://id.gs1.org/8003/04012345666663'],
    ['urn:epc:idpat:gdti:4012345.55555.*', 'https://id.gs1.org/253/4012345555554'],
    ['urn:epc:idpat:sgcn:4012345.99999.*', 'https://id.gs1.org/255/4012345999990'],
    ['urn:epc:idpat:cpi:4012345.ABC.*', 'https://id.gs1.org/8010/4012345ABC'],
    ['urn:epc:idpat:itip:4012345.012345.01.02.*', 'https://id.gs1.org/8006/040123451234560102'],
  ])('%s', (urn, link) => {
    expect(epcUriToDigitalLink(urn)).toBe(link);
  });

  it('keeps percent-escapes and encodes the characters a path must not carry raw', () => {
    expect(epcUriToDigitalLink('urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()')).toBe(
      'https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29',
    );
    expect(epcUriToDigitalLink('urn:epc:id:sgtin:4012345.011111.98.7')).toBe(
      'https://id.gs1.org/01/04012345111118/21/98.7',
    );
  });

  it.each([
    ['not an EPC URI', 'https://id.gs1.org/01/09506000134352'],
    ['unknown scheme', 'urn:epc:id:usdod:2S194.12345678901'],
    ['prefix and item reference not 13 digits', 'urn:epc:id:sgtin:0614141.10734.2017'],
    ['company prefix too short', 'urn:epc:id:sgln:06141.1234567.0'],
    ['missing serial', 'urn:epc:id:sgtin:0614141.107346'],
    ['serial longer than 20', 'urn:epc:id:sgtin:0614141.107346.123456789012345678901'],
    ['character outside the EPC set', 'urn:epc:id:sgtin:0614141.107346.a/b'],
    ['wildcard before the serial part', 'urn:epc:idpat:sgtin:4012345.*.*'],
    ['SGCN serial not digits', 'urn:epc:id:sgcn:4012345.67890.A1'],
  ])('%s: null', (_why, text) => {
    expect(epcUriToDigitalLink(text)).toBeNull();
  });
});
