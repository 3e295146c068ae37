/**
 * The chain's state as the regulator screen shows it, read from the signed checkpoint the API
 * serves (C2SP signed note: the body's lines are the log's origin, the tree size and the root;
 * after a blank line, one signature line per key, `— <key name> <base64>`). The sealer signs
 * under the log's own name; any other signature is a witness's cosignature. Pure, bundled into
 * the console's script; the audit checks the signatures themselves.
 */

export interface CheckpointSummary {
  origin: string;
  size: number;
  /** Base64, as in the note. */
  root: string;
  /** The names of the keys that signed it besides the sealer: the witnesses. */
  cosigners: string[];
}

/**
 * Reads a checkpoint note; undefined when it is not one.
 * @example readCheckpoint('pedigree.local/chain\n42\nq6s=\n\n— pedigree.local/chain AbC=\n')
 *   // { origin: 'pedigree.local/chain', size: 42, root: 'q6s=', cosigners: [] }
 */
export function readCheckpoint(note: string): CheckpointSummary | undefined {
  const [body, signatures] = note.split('\n\n');
  if (signatures === undefined) return undefined;
  const [origin, size, root] = body.split('\n');
  if (!origin || !/^(0|[1-9]\d*)$/.test(size ?? '') || !root) return undefined;
  const names = signatures
    .split('\n')
    .filter((line) => line.startsWith('— '))
    .map((line) => line.slice(2).split(' ')[0]);
  return {
    origin,
    size: Number(size),
    root,
    cosigners: [...new Set(names.filter((name) => name !== origin))],
  };
}
