/**
 * The shared GS1 conformance cases through the `pedigree gs1` command as a user runs it: one
 * process reads every case on standard input (`gs1 parse -`), plus the single-input form, the
 * Digital Link builder and the exit codes.
 */
import { GS, parseDigitalLink, parseElementString } from '@pedigree/gs1';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPedigree } from '../harness/spawn-platform';

const STANDARDS = join(__dirname, '..', '..', '..', 'shared', 'standards', 'gs1');
const cases = <T>(file: string): T[] =>
  (JSON.parse(readFileSync(join(STANDARDS, file), 'utf8')) as { cases: T[] }).cases;

/** The files' `^01...^21...` notation as an AI → value object. */
const aisOf = (caret: string): Record<string, string> =>
  Object.fromEntries(
    parseElementString(caret.slice(1).replaceAll('^', GS), { validate: false }).map((a) => [
      a.ai,
      a.value,
    ]),
  );

/**
 * What a scan-data case should give: its GS1 element string; for a Digital Link carried in
 * `]Q1`/`]d1` (the engine hands the URI on as text), the link's AIs, as the Digital Link cases
 * pin them; anything else is not GS1 data and is rejected.
 */
function expectedOfScan(expected: string): Record<string, string> | null {
  if (expected.startsWith('^')) return aisOf(expected);
  try {
    return Object.fromEntries(parseDigitalLink(expected).ais.map((a) => [a.ai, a.value]));
  } catch {
    return null;
  }
}

/** A case: the input, and the AIs expected, or null when it must be rejected. */
const all: Array<{ input: string; expected: Record<string, string> | null }> = [
  ...cases<{ valid: boolean; scanData: string; expected: string }>('scan-data-cases.json').map(
    (c) => ({ input: c.scanData, expected: c.valid ? expectedOfScan(c.expected) : null }),
  ),
  ...cases<{
    valid: boolean;
    uri: string;
    elementString: string;
    onlyWithNonDefaultOptions?: string[];
  }>('digital-link-parse-cases.json').map((c) => ({
    input: c.uri,
    expected: c.valid && !c.onlyWithNonDefaultOptions ? aisOf(c.elementString) : null,
  })),
];

describe('pedigree gs1', () => {
  it('agrees with every shared GS1 case, read line by line from stdin', async () => {
    const result = await runPedigree(
      ['gs1', 'parse', '-'],
      {},
      all.map((c) => c.input).join('\n') + '\n',
    );
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(all.length);
    const got = lines.map((line, i) => {
      const parsed = JSON.parse(line) as { ais?: Record<string, string>; error?: string };
      return { input: all[i].input, ais: parsed.ais ?? null };
    });
    expect(got).toEqual(all.map((c) => ({ input: c.input, ais: c.expected })));
    expect(result.code).toBe(1); // some cases are meant to be rejected
  });

  it('prints one JSON object for one input, with the symbology as transmitted', async () => {
    const result = await runPedigree([
      'gs1',
      'parse',
      ']d2010950600013435217201225\x1d10ABC123\x1d21XYZ',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout:
        '{"symbology":"]d2","ais":{"01":"09506000134352","17":"201225","10":"ABC123","21":"XYZ"}}\n',
      stderr: '',
    });
    const bracketed = await runPedigree(['gs1', 'parse', '(01)09506000134352(21)XYZ']);
    expect(JSON.parse(bracketed.stdout)).toEqual({
      symbology: null,
      ais: { '01': '09506000134352', '21': 'XYZ' },
    });
  });

  it('exits 1 with the reason on stderr for invalid data', async () => {
    const result = await runPedigree(['gs1', 'parse', '(01)09506000134353']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('AI (01) GTIN 09506000134353: check digit should be 2');
  });

  it('builds the canonical Digital Link, data attributes in the query', async () => {
    const input = '(17)201225(21)XYZ(10)ABC/1(01)09506000134352';
    expect((await runPedigree(['gs1', 'link', input])).stdout).toBe(
      'https://id.gs1.org/01/09506000134352/10/ABC%2F1/21/XYZ?17=201225\n',
    );
    const own = await runPedigree(['gs1', 'link', input, '--base', 'https://pedigree.example.org']);
    expect(own.stdout).toBe(
      'https://pedigree.example.org/01/09506000134352/10/ABC%2F1/21/XYZ?17=201225\n',
    );
  });

  it('explains its usage when called wrongly', async () => {
    const result = await runPedigree(['gs1', 'link', '(01)09506000134352', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--bogus'");
    expect((await runPedigree(['gs1'])).stderr).toContain('usage: pedigree gs1 parse');
  });
});
