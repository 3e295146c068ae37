// The generated AI table is up to date with the committed dictionary, and says what the GS1
// General Specifications say about the AIs this project lives on.

import { readFileSync } from 'node:fs';
import { DICTIONARY, OUTPUT, generateAiTableSource } from '../scripts/generate-ai-table';
import { aiAt, lookupAi } from './ai-table';
import { AI_DICTIONARY_RELEASE, AI_TABLE } from './ai-table.generated';

test('ai-table.generated.ts is what the generator makes of data/gs1-syntax-dictionary.txt', () => {
  const fresh = generateAiTableSource(readFileSync(DICTIONARY, 'utf8'));
  // On failure: run `node libs/gs1/scripts/generate-ai-table.js` and commit the result.
  expect(readFileSync(OUTPUT, 'utf8')).toBe(fresh);
});

test('the table covers the dictionary, ranges expanded, in lexical order', () => {
  expect(AI_DICTIONARY_RELEASE).toBe('2026-01-27');
  expect(AI_TABLE.length).toBeGreaterThan(500);
  const ais = AI_TABLE.map((e) => e.ai);
  expect(new Set(ais).size).toBe(ais.length);
  expect(lookupAi('3103')?.title).toBe('NET WEIGHT (kg)');
  expect(lookupAi('95')?.maxLength).toBe(90);
});

test('entries carry format, linters, flags and attributes', () => {
  expect(lookupAi('01')).toMatchObject({
    title: 'GTIN',
    predefinedLength: true,
    dlDataAttribute: true,
    minLength: 14,
    maxLength: 14,
    components: [{ cset: 'N', min: 14, max: 14, optional: false, linters: ['csum', 'gcppos2'] }],
    ex: ['255', '37'],
    dlpkey: [['22', '10', '21'], ['235']],
  });
  expect(lookupAi('17')).toMatchObject({
    predefinedLength: true,
    req: [['01', '02', '03', '255', '8006', '8026']],
  });
  expect(lookupAi('17')?.components[0].linters).toEqual(['yymmd0']);
  expect(lookupAi('10')).toMatchObject({ predefinedLength: false, minLength: 1, maxLength: 20 });
  expect(lookupAi('21')).toMatchObject({ req: [['01', '03', '8006']], ex: ['235'], dlpkey: null });
  expect(lookupAi('37')?.req).toEqual([['00'], ['02', '8026']]);
  expect(lookupAi('00')?.dlpkey).toEqual([[]]);
  expect(lookupAi('253')?.components.map((c) => c.optional)).toEqual([false, true]);
  expect(lookupAi('8030')?.components[0].cset).toBe('Z');
  expect(lookupAi('8010')?.components[0].cset).toBe('Y');
});

test('only fixed-length AIs are of predefined length', () => {
  for (const e of AI_TABLE.filter((x) => x.predefinedLength)) expect(e.minLength).toBe(e.maxLength);
  expect(AI_TABLE.filter((e) => e.predefinedLength).map((e) => e.ai.slice(0, 2))).not.toContain(
    '10',
  );
});

test('aiAt finds the AI at a position, AIs being prefix-free', () => {
  expect(aiAt('0109506000134352', 0)?.ai).toBe('01');
  expect(aiAt('xx3103000195', 2)?.ai).toBe('3103');
  expect(aiAt('89ABC', 0)).toBeUndefined();
});
