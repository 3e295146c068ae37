// The sentences an operator reads on a scanner or in the API: each names the AI and the problem.

import { parseBracketed } from './bracketed';
import { parseDigitalLink } from './digital-link';
import { parseElementString } from './element-string';
import { Gs1Error } from './gs1.error';
import { parseScanData } from './scan-data';
import { validateAis } from './validate';

const GTIN = '09506000134352';

function caught(run: () => unknown): Gs1Error {
  try {
    run();
  } catch (e) {
    if (e instanceof Gs1Error) return e;
    throw e;
  }
  throw new Error('expected a Gs1Error');
}

test('a wrong GTIN check digit', () => {
  const e = caught(() => validateAis([{ ai: '01', value: '09506000134353' }]));
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe('Gs1Error');
  expect(e.code).toBe('BAD_CHECK_DIGIT');
  expect(e.ai).toBe('01');
  expect(e.message).toBe('AI (01) GTIN 09506000134353: check digit should be 2');
});

test.each([
  [
    [{ ai: '17', value: '261331' }],
    'BAD_DATE',
    'AI (17) USE BY or EXPIRY 261331: 261331 is not a real date (YYMMDD): there is no month 13',
  ],
  [
    [{ ai: '17', value: '250229' }],
    'BAD_DATE',
    'AI (17) USE BY or EXPIRY 250229: 250229 is not a real date (YYMMDD): month 02 has no day 29',
  ],
  [
    [{ ai: '7006', value: '260400' }],
    'BAD_DATE',
    'AI (7006) FIRST FREEZE DATE 260400: 260400 is not a real date (YYMMDD): day 00 is not allowed here',
  ],
  [
    [{ ai: '10', value: 'A'.repeat(21) }],
    'BAD_LENGTH',
    `AI (10) BATCH/LOT ${'A'.repeat(21)}: must be 1 to 20 characters, found 21`,
  ],
  [
    [{ ai: '01', value: '0950600013435' }],
    'BAD_LENGTH',
    'AI (01) GTIN 0950600013435: must be 14 digits, found 13',
  ],
  [
    [{ ai: '21', value: 'AB C' }],
    'BAD_CHARSET',
    "AI (21) SERIAL AB C: the character ' ' is not allowed (GS1 character set 82)",
  ],
  [
    [{ ai: '00', value: '00614141123456789X' }],
    'BAD_CHARSET',
    "AI (00) SSCC 00614141123456789X: must contain digits only, found 'X'",
  ],
  [
    [{ ai: '10', value: 'ABC' }],
    'MISSING_PAIRING',
    'AI (10) BATCH/LOT ABC: needs AI (01), (02), (03), (8006) or (8026) as well',
  ],
  [[{ ai: '10', value: '' }], 'BAD_LENGTH', 'AI (10) BATCH/LOT: the value is empty'],
  [[{ ai: '89', value: 'X' }], 'UNKNOWN_AI', 'AI (89) is not a GS1 application identifier'],
])('%j -> %s', (ais, code, message) => {
  const e = caught(() => validateAis(ais));
  expect([e.code, e.message]).toEqual([code, message]);
});

test('pairing errors name both AIs', () => {
  const e = caught(() =>
    validateAis([
      { ai: '01', value: GTIN },
      { ai: '02', value: GTIN },
    ]),
  );
  expect([e.code, e.message]).toEqual([
    'INVALID_PAIRING',
    `AI (02) CONTENT ${GTIN}: cannot be used together with AI (01) GTIN`,
  ]);
  const d = caught(() =>
    validateAis([
      { ai: '01', value: GTIN },
      { ai: '10', value: 'A' },
      { ai: '10', value: 'B' },
    ]),
  );
  expect([d.code, d.message]).toEqual([
    'DUPLICATE_AI',
    'AI (10) BATCH/LOT: appears twice with different values, A and B',
  ]);
});

test('parsers say where the data stops making sense', () => {
  expect(caught(() => parseElementString(`01${GTIN}89ABC`)).message).toBe(
    `no known GS1 application identifier after 01${GTIN}: "89ABC"`,
  );
  expect(caught(() => parseScanData(']C101123123123133^10ABC')).message).toBe(
    "AI (01) GTIN 123123123133^1: must contain digits only, found '^'",
  );
  expect(caught(() => parseScanData(`]d201${GTIN}17261232`)).message).toBe(
    'AI (17) USE BY or EXPIRY 261232: 261232 is not a real date (YYMMDD): month 12 has no day 32',
  );
  expect(caught(() => parseBracketed('(01)x')).code).toBe('BAD_LENGTH');
  expect(caught(() => parseDigitalLink('https://a/01/09506000134352/99/ABC')).message).toBe(
    'not a valid GS1 Digital Link URI "https://a/01/09506000134352/99/ABC": after (01) the path may hold only (22), (10), (21) or (235), in that order',
  );
});

test('NOT_GS1_DATA says what the input was', () => {
  expect(caught(() => parseScanData('hello')).message).toBe(
    'not GS1 data: "hello" is neither a GS1 barcode nor a Digital Link URI',
  );
  expect(caught(() => parseScanData(']E02112345678900')).message).toBe(
    'not GS1 data: the EAN-13/UPC-A barcode 2112345678900 holds a bare product number without application identifiers',
  );
  expect(caught(() => parseScanData(']Q1TESTING')).message).toBe(
    'not GS1 data: the QR Code (]Q1) holds the text "TESTING", not a GS1 Digital Link URI',
  );
});
