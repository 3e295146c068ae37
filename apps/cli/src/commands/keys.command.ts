/**
 * `pedigree keys generate [--name NAME]`: a new Ed25519 key pair as one JSON object, in the C2SP
 * signed-note key forms the sealer and witnesses use:
 *   { "name", "publicKey": base64 of the 32-byte key, "vkey": "<name>+<id>+<base64>",
 *     "skey": "PRIVATE+KEY+<name>+<id>+<base64>" }
 * `pedigree keys api`: a random API key of the form PEDIGREE_ADMIN_KEY takes.
 */
import { formatSignerKey, formatVerifierKey, noteSignerKey, toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Io } from './io';

const USAGE = 'usage: pedigree keys generate [--name NAME]   or   pedigree keys api';

export function keysCommand(args: string[], io: Io): number {
  const [verb, ...rest] = args;
  if (verb === 'api' && rest.length === 0) {
    io.out(`pdg_${randomBytes(32).toString('base64url')}`);
    return 0;
  }
  if (verb !== 'generate') {
    io.err(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string', default: 'pedigree.local' } },
    strict: true,
  });
  const name = String(values.name);
  const key = noteSignerKey(nodeCryptoBackend, name, randomBytes(32));
  const printed = {
    name,
    publicKey: toBase64(key.publicKey),
    vkey: formatVerifierKey(key),
    skey: formatSignerKey(key),
  };
  io.out(JSON.stringify(printed, null, 2));
  return 0;
}
