// Test support: where the shared known-answer vectors live, and the two backends every vector
// runs through. Tests only; not exported by the library.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createNobleBackend } from '../src/noble-backend';
import { createNodeCryptoBackend } from '../src/node-crypto-backend';

/** /work/shared/standards/ledger-vectors, found relative to this repository. */
export const VECTORS_DIR = resolve(__dirname, '../../../../shared/standards/ledger-vectors');

export const backends = [createNodeCryptoBackend(), createNobleBackend()] as const;

export function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(VECTORS_DIR, ...parts), 'utf8')) as T;
}

/** Every *.json under dir (relative to VECTORS_DIR), sorted, as paths relative to VECTORS_DIR. */
export function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(VECTORS_DIR, rel)).sort()) {
      const child = join(rel, name);
      if (statSync(join(VECTORS_DIR, child)).isDirectory()) walk(child);
      else if (name.endsWith('.json')) out.push(child);
    }
  };
  walk(dir);
  return out;
}
