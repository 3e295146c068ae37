/**
 * `pedigree scanner <verb>`: the scanner's side of the platform, run on the device.
 *
 * `pedigree scanner enrol [--name NAME] [--out FILE]` creates the device's Ed25519 identity: a
 * random 32-byte seed, written to FILE (default `pedigree-scanner.key`, mode 0600, never
 * overwritten) as `{ "name", "publicKey", "seed" }` in base64, and prints the `{ "name",
 * "publicKey" }` the organisation enrols with `POST /devices`. The seed never leaves the device.
 */
import { toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from './io';

export const SCANNER_KEY_FILE = 'pedigree-scanner.key';

const USAGE = 'usage: pedigree scanner enrol|run|fleet ... (pedigree --help lists the options)';

/** What the key file holds, every field but `name` in base64. */
export interface ScannerKeyFile {
  name: string;
  publicKey: string;
  seed: string;
}

/** One case per verb; a long-running verb (the scanner agent) returns when it stops. */
export async function scannerCommand(args: string[], io: Io): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'enrol':
      return enrol(rest, io);
    case 'run':
      return (await import('./scanner-agent.command.js')).runScanner(rest, io);
    case 'fleet':
      return (await import('./scanner-agent.command.js')).runFleet(rest, io);
    default:
      io.err(USAGE);
      return 2;
  }
}

function enrol(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string', default: hostname() },
      out: { type: 'string', default: SCANNER_KEY_FILE },
    },
    strict: true,
  });
  const name = String(values.name).trim();
  if (name.length < 1 || name.length > 200) {
    io.err('pedigree scanner enrol: --name must be 1 to 200 characters, e.g. "Dock 3 handheld".');
    return 2;
  }
  const file = resolve(String(values.out));
  const seed = randomBytes(32);
  const publicKey = toBase64(nodeCryptoBackend.publicKeyFromSeed(seed));
  const stored: ScannerKeyFile = { name, publicKey, seed: toBase64(seed) };
  try {
    // 'wx': created here or not at all, so an existing device key is never replaced.
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    io.err(
      `pedigree scanner enrol: ${file} exists already and may hold this device's key; it was left as it is. ` +
        'Choose another file with --out, or move that one away if the device is to get a new identity.',
    );
    return 1;
  } finally {
    seed.fill(0);
  }
  // The JSON alone on standard output, so a script can read it; the advice to the person on stderr.
  io.out(JSON.stringify({ name, publicKey }));
  io.err(
    `Register this scanner with POST /devices, adding your site's GLN as "siteGln" to the JSON above; ` +
      `the private key stays in ${file}.`,
  );
  return 0;
}
