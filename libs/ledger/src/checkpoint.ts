// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the text body of a signed tree head.
// Pedigree's sealer publishes one per block as a signed note, so any C2SP witness or client can
// check the log without knowing Pedigree's binary block header.
//
// BODY (each line ends in "\n"):
//   origin                       non-empty, identifies the log, e.g. "pedigree.example/log"
//   size                         ASCII decimal, no leading zeros (tree size)
//   base64(root)                 standard padded base64 of the 32-byte RFC 6962 root
//   [extension lines]            optional, each non-empty; opaque to this library
import { assertLength, assertU53, fromBase64, toBase64 } from './bytes';
import { LedgerError } from './ledger-error';

/** A parsed checkpoint body. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** Extension lines without their newline; empty when there are none. */
  readonly extensions: readonly string[];
}

function malformed(why: string): LedgerError {
  return new LedgerError('MALFORMED_CHECKPOINT', `The checkpoint is malformed: ${why}.`);
}

function assertLine(line: string, what: string): void {
  if (line.length === 0) throw malformed(`the ${what} line is empty`);
  if (/[\u0000-\u001f]/.test(line))
    throw malformed(`the ${what} line contains a control character`);
}

/**
 * Formats a checkpoint body: origin, size, base64 root, extension lines, each ending in "\n".
 * @throws LedgerError MALFORMED_CHECKPOINT on an empty or multi-line origin or extension;
 *   INVALID_ARGUMENT on a bad size or a root that is not 32 bytes
 * @example formatCheckpoint({ origin: 'pedigree.example/log', size: 8, root, extensions: [] })
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  assertLine(checkpoint.origin, 'origin');
  assertU53(checkpoint.size, 'A checkpoint size');
  assertLength(checkpoint.root, 32, 'A checkpoint root');
  for (const ext of checkpoint.extensions) assertLine(ext, 'extension');
  const lines = [
    checkpoint.origin,
    String(checkpoint.size),
    toBase64(checkpoint.root),
    ...checkpoint.extensions,
  ];
  return lines.join('\n') + '\n';
}

/**
 * Parses a checkpoint body (the text of a signed note, after openNote verified it).
 * @throws LedgerError MALFORMED_CHECKPOINT when a line is missing, the size is not canonical
 *   decimal (or above 2^53 - 1), or the root is not base64 of 32 bytes
 * @example const { origin, size, root } = parseCheckpoint(opened.text);
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw malformed('it must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw malformed('it needs an origin, a size and a root line');
  const [origin, sizeText, rootText, ...extensions] = lines as [
    string,
    string,
    string,
    ...string[],
  ];
  assertLine(origin, 'origin');
  for (const ext of extensions) assertLine(ext, 'extension');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText))
    throw malformed(`"${sizeText}" is not a decimal size without leading zeros`);
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw malformed(`size ${sizeText} exceeds 2^53 - 1`);
  let root: Uint8Array;
  try {
    root = fromBase64(rootText);
  } catch {
    throw malformed('the root line is not canonical base64');
  }
  if (root.length !== 32) throw malformed(`the root must be 32 bytes, got ${root.length}`);
  return { origin, size, root, extensions };
}
