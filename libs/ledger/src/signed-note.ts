// C2SP signed notes (https://c2sp.org/signed-note): the envelope of every checkpoint the sealer
// publishes and every cosignature a witness adds, so standard transparency-log tooling reads them.
//
// FORMAT: text (valid UTF-8, no control characters but newline, ending in "\n"), one blank line,
// then one or more signature lines, each
//   U+2014 EM DASH, " ", key name, " ", base64(4-byte big-endian key ID || signature), "\n"
// The text is everything up to and including the newline before the LAST blank line.
// An Ed25519 (type 0x01) signature covers the text bytes exactly, final newline included.
// A cosignature (type 0x04) covers "cosignature/v1\ntime <t>\n" || text (cosignature.ts).
//
// openNote follows the spec's verifier rules: lines from unknown keys (name and ID must both
// match) are ignored; a known key whose signature fails rejects the whole note; at least one
// known key must verify.
import { bytesEqual, concatBytes, fromBase64, toBase64 } from './bytes';
import { cosignatureMessage, COSIGNATURE_V1_SIZE, readCosignatureTime } from './cosignature';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';
import {
  isValidKeyName,
  NOTE_KEY_ED25519,
  type NoteSignerKey,
  type NoteVerifierKey,
} from './note-key';

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The bytes after the key ID: 64 for Ed25519, 8 + 64 for a cosignature/v1. */
  readonly signature: Uint8Array;
}

/** A note split into its text and signature lines (nothing verified). */
export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A signature line openNote verified, with the key that made it. */
export interface VerifiedNoteSignature extends NoteSignature {
  readonly key: NoteVerifierKey;
  /** For a cosignature: its POSIX timestamp in seconds. */
  readonly timestamp?: number;
}

/** The result of {@link openNote}. */
export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly VerifiedNoteSignature[];
  /** Lines from keys the caller does not know, kept so they can be passed on. */
  readonly unverified: readonly NoteSignature[];
}

/** At most this many signature lines are read (the spec asks for at least 16). */
export const MAX_NOTE_SIGNATURES = 100;

const EM_DASH_PREFIX = '\u2014 ';

function malformed(why: string): LedgerError {
  return new LedgerError('MALFORMED_NOTE', `The signed note is malformed: ${why}.`);
}

/**
 * Checks note text: non-empty, ends in newline, no control characters other than newline.
 * @throws LedgerError MALFORMED_NOTE otherwise
 * @example assertNoteText('pedigree.example/log\n42\n...\n')
 */
export function assertNoteText(text: string): void {
  if (text.length === 0 || !text.endsWith('\n'))
    throw malformed('the text must end with a newline');
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text))
    throw malformed('the text contains a control character');
}

/**
 * Splits a note into text and signature lines, checking only the format.
 * @throws LedgerError MALFORMED_NOTE when it is not a signed note
 * @example const { text, signatures } = parseNote(body);
 */
export function parseNote(note: string): Note {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw malformed('it contains a control character');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line separates the text from the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n'))
    throw malformed('the signature lines must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES)
    throw malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(EM_DASH_PREFIX))
      throw malformed('a signature line does not start with "\u2014 "');
    const rest = line.slice(EM_DASH_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    if (space < 0 || !isValidKeyName(name))
      throw malformed('a signature line has no valid key name');
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(rest.slice(space + 1));
    } catch {
      throw malformed(`the signature of "${name}" is not canonical base64`);
    }
    if (bytes.length < 5) throw malformed(`the signature of "${name}" is too short`);
    const keyId = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    return { name, keyId, signature: bytes.slice(4) };
  });
  assertNoteText(text);
  return { text, signatures };
}

/**
 * Formats text and signature lines as a signed note.
 * @throws LedgerError MALFORMED_NOTE on invalid text, no signatures, or an invalid key name
 * @example formatNote({ text, signatures: [sig] })
 */
export function formatNote(note: Note): string {
  assertNoteText(note.text);
  if (note.signatures.length === 0) throw malformed('a note needs at least one signature');
  let out = note.text + '\n';
  for (const s of note.signatures) {
    if (!isValidKeyName(s.name)) throw malformed(`"${s.name}" is not a valid key name`);
    const id = Uint8Array.of(
      s.keyId >>> 24,
      (s.keyId >>> 16) & 255,
      (s.keyId >>> 8) & 255,
      s.keyId & 255,
    );
    out += `${EM_DASH_PREFIX}${s.name} ${toBase64(concatBytes(id, s.signature))}\n`;
  }
  return out;
}

/**
 * Ed25519 (type 0x01) signature line of `text` by `signer`.
 * @throws LedgerError MALFORMED_NOTE on invalid text; INVALID_KEY for a signer that is not type 0x01
 * @example const line = noteSignature(backend, text, sealerKey);
 */
export function noteSignature(
  backend: CryptoBackend,
  text: string,
  signer: NoteSignerKey,
): NoteSignature {
  assertNoteText(text);
  if (signer.type !== NOTE_KEY_ED25519) {
    throw new LedgerError(
      'INVALID_KEY',
      `Key "${signer.name}" is a cosigner key: use cosignatureLine.`,
    );
  }
  const signature = backend.sign(signer.seed, new TextEncoder().encode(text));
  return { name: signer.name, keyId: signer.keyId, signature };
}

/**
 * Signs `text` with each signer and formats the note (Ed25519 is deterministic, so the same
 * text and keys always give the same note).
 * @throws LedgerError MALFORMED_NOTE on invalid text or no signers; INVALID_KEY on a non-0x01 signer
 * @example const note = signNote(backend, formatCheckpoint(cp), [sealerKey]);
 */
export function signNote(
  backend: CryptoBackend,
  text: string,
  signers: readonly NoteSignerKey[],
): string {
  return formatNote({ text, signatures: signers.map((s) => noteSignature(backend, text, s)) });
}

function verifyLine(
  backend: CryptoBackend,
  key: NoteVerifierKey,
  text: string,
  sig: NoteSignature,
) {
  const textBytes = new TextEncoder().encode(text);
  if (key.type === NOTE_KEY_ED25519) {
    return { ok: backend.verify(key.publicKey, textBytes, sig.signature), timestamp: undefined };
  }
  if (sig.signature.length !== COSIGNATURE_V1_SIZE) return { ok: false, timestamp: undefined };
  const timestamp = readCosignatureTime(sig.signature);
  if (timestamp === undefined) return { ok: false, timestamp };
  const ok = backend.verify(
    key.publicKey,
    cosignatureMessage(timestamp, text),
    sig.signature.subarray(8),
  );
  return { ok, timestamp };
}

/**
 * Parses a note and verifies it against the known keys (type 0x01 note keys and 0x04 cosigner
 * keys). Lines whose (name, key ID) match no known key are returned unverified.
 * @throws LedgerError MALFORMED_NOTE when malformed; UNVERIFIED_NOTE when a known key's signature
 *   fails or when no known key signed
 * @example const { text } = openNote(backend, body, [sealerVkey]); parseCheckpoint(text);
 */
export function openNote(
  backend: CryptoBackend,
  note: string,
  known: readonly NoteVerifierKey[],
): OpenedNote {
  const { text, signatures } = parseNote(note);
  const verified: VerifiedNoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const sig of signatures) {
    const key = known.find((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (key === undefined) {
      unverified.push(sig);
      continue;
    }
    const { ok, timestamp } = verifyLine(backend, key, text, sig);
    if (!ok) {
      throw new LedgerError(
        'UNVERIFIED_NOTE',
        `The signature of known key "${sig.name}" does not verify: reject the note.`,
      );
    }
    if (!verified.some((v) => v.key === key && bytesEqual(v.signature, sig.signature))) {
      verified.push(timestamp === undefined ? { ...sig, key } : { ...sig, key, timestamp });
    }
  }
  if (verified.length === 0) {
    throw new LedgerError('UNVERIFIED_NOTE', 'No signature on the note comes from a known key.');
  }
  return { text, verified, unverified };
}
