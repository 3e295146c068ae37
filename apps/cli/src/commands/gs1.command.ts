/**
 * `pedigree gs1 parse <data>|-` and `pedigree gs1 link <data> [--base URL]`: the GS1 library on
 * the command line, for checking what a scanner sends and what a label should carry.
 */
import { buildDigitalLink, parseScanData, type Gs1Data } from '@pedigree/gs1';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Io } from './io';

const USAGE = 'usage: pedigree gs1 parse <data>|-   or   pedigree gs1 link <data> [--base URL]';

export async function gs1Command(args: string[], io: Io): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'parse':
      return parse(rest, io);
    case 'link':
      return link(rest, io);
    default:
      io.err(USAGE);
      return 2;
  }
}

async function parse(args: string[], io: Io): Promise<number> {
  if (args.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  if (args[0] !== '-') {
    try {
      io.out(toJson(parseScanData(args[0])));
      return 0;
    } catch (error) {
      io.err((error as Error).message);
      return 1;
    }
  }
  let failures = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    try {
      io.out(toJson(parseScanData(line)));
    } catch (error) {
      failures += 1;
      io.out(JSON.stringify({ error: (error as Error).message }));
    }
  }
  return failures === 0 ? 0 : 1;
}

function link(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { base: { type: 'string', default: 'https://id.gs1.org' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  try {
    io.out(buildDigitalLink(parseScanData(positionals[0]).ais, String(values.base)));
    return 0;
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
}

/**
 * `{"symbology":"]d2","ais":{"01":"...","21":"..."}}` with the AIs in the order they came. Written
 * by hand: JSON.stringify of an object would put "10" and "21" before "01" (integer-like keys).
 */
function toJson(data: Gs1Data): string {
  const ais = data.ais.map(({ ai, value }) => `${JSON.stringify(ai)}:${JSON.stringify(value)}`);
  return `{"symbology":${JSON.stringify(data.symbology)},"ais":{${ais.join(',')}}}`;
}
