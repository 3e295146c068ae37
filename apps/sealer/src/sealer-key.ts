/**
 * The sealer's signing key: PEDIGREE_SEALER_KEY, or else `${PEDIGREE_DATA_DIR}/sealer.skey`,
 * generated on first use (mode 0600) so `npm start` signs with a stable key across restarts.
 * Behind an injectable class so tests can hand in a fixed key. The key's name must equal the log
 * origin: C2SP clients find the checkpoint's signature line by the origin's name.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  formatSignerKey,
  formatVerifierKey,
  NOTE_KEY_ED25519,
  noteSignerKey,
  parseSignerKey,
  type NoteSignerKey,
} from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEALER_OPTIONS, type SealerOptions } from './sealer.options';

export const SEALER_KEY_FILE = 'sealer.skey';

@Injectable()
export class SealerKeySource {
  private readonly logger = new Logger('sealer');

  constructor(@Inject(SEALER_OPTIONS) private readonly options: SealerOptions) {}

  /**
   * @throws Error naming the variable or file and what to do, when the key is malformed, is not an
   *   Ed25519 note key, or is not named after PEDIGREE_LOG_ORIGIN.
   */
  load(): NoteSignerKey {
    const { key, origin, dataDir } = this.options;
    if (key) return checked(key, 'PEDIGREE_SEALER_KEY', origin);
    const file = join(dataDir, SEALER_KEY_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
      if ((statSync(file).mode & 0o077) !== 0) {
        this.logger.warn(`${file} is readable by other users: chmod 600 it.`);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      text = this.create(file, origin);
    }
    return checked(text.trim(), file, origin);
  }

  /**
   * Writes a fresh key atomically (a private temporary file, then a hard link that fails if the
   * name exists), so a sealer starting alongside on the same data folder never reads half a key:
   * if another one won the race, this one reads theirs.
   */
  private create(file: string, origin: string): string {
    const skey = formatSignerKey(noteSignerKey(nodeCryptoBackend, origin, randomBytes(32)));
    mkdirSync(this.options.dataDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${skey}\n`, { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
      throw error;
    } finally {
      unlinkSync(temporary);
    }
    const vkey = formatVerifierKey(parseSignerKey(nodeCryptoBackend, skey));
    this.logger.log(`Created the sealer key ${file}; its verifier key is ${vkey}`);
    return skey;
  }
}

function checked(skey: string, source: string, origin: string): NoteSignerKey {
  let key: NoteSignerKey;
  try {
    key = parseSignerKey(nodeCryptoBackend, skey);
  } catch (error) {
    throw new Error(
      `${source} is not a valid C2SP signer key (${(error as Error).message}) Generate one with: pedigree keys generate --name ${origin}`,
    );
  }
  if (key.type !== NOTE_KEY_ED25519) {
    throw new Error(
      `${source} is a cosigner key; the sealer needs an Ed25519 note key: pedigree keys generate --name ${origin}`,
    );
  }
  if (key.name !== origin) {
    throw new Error(
      `${source} is named "${key.name}" but PEDIGREE_LOG_ORIGIN is "${origin}": a checkpoint is signed by a key named after its origin. ` +
        `Set PEDIGREE_LOG_ORIGIN=${key.name}, or use a key made with: pedigree keys generate --name ${origin}`,
    );
  }
  return key;
}
