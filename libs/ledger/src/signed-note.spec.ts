// C2SP signed-note, tlog-checkpoint and tlog-cosignature: every entry of
// signed-note/signed_note_vectors.json per its `expect`, then round trips and rejections.
import fc from 'fast-check';
import { backends, readJson } from '../test/ledger-vectors';
import { fromBase64, toBase64 } from './bytes';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { cosignatureLine, cosignatureMessage, parseCosignature } from './cosignature';
import { leafHash } from './merkle-hash';
import {
  formatSignerKey,
  formatVerifierKey,
  generateNoteKey,
  NOTE_KEY_COSIGNATURE_V1,
  noteKeyId,
  noteSignerKey,
  parseSignerKey,
  parseVerifierKey,
} from './note-key';
import { formatNote, openNote, parseNote, signNote } from './signed-note';

interface Vector {
  source: string;
  vkey?: string;
  vkeys?: string[];
  skey?: string;
  note?: string;
  text?: string;
  checkpointBody?: string;
  cosignedMessageExample?: string;
  expect: string;
}
const vectors = readJson<{ vectors: Vector[] }>('signed-note/signed_note_vectors.json').vectors;
const bySource = (prefix: string): Vector => vectors.find((v) => v.source.startsWith(prefix))!;

test('there are six vectors and each is used below', () => {
  expect(vectors).toHaveLength(6);
});

describe.each(backends)('$name backend', (backend) => {
  test('C2SP signed-note Example: valid', () => {
    const v = bySource('C2SP/C2SP signed-note.md');
    const opened = openNote(backend, v.note!, [parseVerifierKey(backend, v.vkey!)]);
    expect(opened.text).toBe('This is an example message.\n');
    expect(opened.verified).toHaveLength(1);
  });

  test('golang TestSign: signing with the skey reproduces the note byte for byte', () => {
    const v = bySource('golang/mod sumdb/note/note_test.go TestSign');
    const signer = parseSignerKey(backend, v.skey!);
    expect(formatVerifierKey(signer)).toBe(v.vkey);
    expect(formatSignerKey(signer)).toBe(v.skey);
    expect(signNote(backend, v.text!, [signer])).toBe(v.note);
    expect(openNote(backend, v.note!, [parseVerifierKey(backend, v.vkey!)]).text).toBe(v.text);
  });

  test('golang TestOpen: both signatures verify; a verifier knowing one key ignores the other', () => {
    const v = bySource('golang/mod sumdb/note/note_test.go TestOpen');
    const [peter, enoch] = v.vkeys!.map((k) => parseVerifierKey(backend, k));
    expect(openNote(backend, v.note!, [peter!, enoch!]).verified).toHaveLength(2);
    const one = openNote(backend, v.note!, [enoch!]);
    expect(one.verified.map((s) => s.name)).toEqual(['EnochRoot']);
    expect(one.unverified.map((s) => s.name)).toEqual(['PeterNeumann']);
  });

  test('sum.golang.org vkey: base64 with "+", key ID checked', () => {
    const v = bySource('golang/mod gosumcheck');
    const key = parseVerifierKey(backend, v.vkey!);
    expect(key).toMatchObject({ name: 'sum.golang.org', keyId: 0x033de0ae, type: 1 });
    expect(formatVerifierKey(key)).toBe(v.vkey);
  });

  test('TestFormatTree: checkpoint body format, root = RFC 6962 leaf hash of "hello world"', () => {
    const v = bySource('golang/mod sumdb/tlog/note_test.go TestFormatTree');
    const root = leafHash(backend, new TextEncoder().encode('hello world'));
    const cp = { origin: 'go.sum database tree', size: 123456789012, root, extensions: [] };
    expect(formatCheckpoint(cp)).toBe(v.checkpointBody);
    expect(parseCheckpoint(v.checkpointBody!)).toEqual(cp);
  });

  test('C2SP cosignature example: parse only; the witness line is key ID + time + signature', () => {
    const v = bySource('C2SP/C2SP tlog-cosignature.md');
    const note = parseNote(v.note!);
    expect(parseCheckpoint(note.text)).toMatchObject({
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
    });
    const witness = note.signatures[1]!;
    expect(witness.name).toBe('witness.example.com/w1');
    expect(witness.signature).toHaveLength(72);
    const { timestamp } = parseCosignature(witness.signature);
    expect(timestamp).toBe(1679315147);
    expect(new TextDecoder().decode(cosignatureMessage(timestamp, note.text))).toBe(
      v.cosignedMessageExample,
    );
    expect(formatNote(note)).toBe(v.note);
    expect(() => openNote(backend, v.note!, [])).toThrow(
      'No signature on the note comes from a known key',
    );
  });
});

const [backend] = backends;
const seed = (n: number) => new Uint8Array(32).fill(n);

test('a sealed checkpoint, cosigned by a witness, opens with both keys', () => {
  const log = noteSignerKey(backend, 'pedigree.example/log', seed(1));
  const witness = noteSignerKey(
    backend,
    'pedigree.example/witness-1',
    seed(2),
    NOTE_KEY_COSIGNATURE_V1,
  );
  const text = formatCheckpoint({
    origin: 'pedigree.example/log',
    size: 42,
    root: seed(9),
    extensions: ['ext'],
  });
  const note = parseNote(signNote(backend, text, [log]));
  const cosigned = formatNote({
    ...note,
    signatures: [...note.signatures, cosignatureLine(backend, text, witness, 1700000000)],
  });
  const opened = openNote(backend, cosigned, [log, witness]);
  expect(opened.verified.map((s) => [s.name, s.timestamp])).toEqual([
    ['pedigree.example/log', undefined],
    ['pedigree.example/witness-1', 1700000000],
  ]);
  // The same signature with another time no longer verifies, and rejects the whole note.
  const line = cosignatureLine(backend, text, witness, 1700000000);
  const moved = Uint8Array.from(line.signature);
  moved[7]! ^= 1;
  const forged = formatNote({
    ...note,
    signatures: [...note.signatures, { ...line, signature: moved }],
  });
  expect(() => openNote(backend, forged, [log, witness])).toThrow('does not verify');
  expect(openNote(backend, forged, [log]).unverified).toHaveLength(1);
});

test('a tampered text or a bad signature from a known key is rejected', () => {
  const key = noteSignerKey(backend, 'k', seed(3));
  const note = signNote(backend, 'hello\n', [key]);
  expect(() => openNote(backend, note.replace('hello', 'hellO'), [key])).toThrow('does not verify');
  const other = noteSignerKey(backend, 'k', seed(4));
  // Same name, different key ID: an unknown key, ignored, so no known key signed.
  expect(() => openNote(backend, note, [other])).toThrow('No signature');
});

test('malformed notes, keys and checkpoints are refused', () => {
  expect(() => parseNote('no blank line\n— k AAAAAAA=\n')).toThrow('blank line');
  expect(() => parseNote('text\n\n- k AAAAAAAA\n')).toThrow('\u2014');
  expect(() => parseNote('text\n\n— k AAAAAAAA')).toThrow('newline');
  expect(() => parseNote('te\txt\n\n— k AAAAAAAA\n')).toThrow('control');
  expect(() => parseVerifierKey(backend, 'name+033de0ae')).toThrow('name+keyid+base64');
  expect(() =>
    parseVerifierKey(
      backend,
      'sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
    ),
  ).toThrow('does not match');
  expect(() => generateNoteKey('has space', seed(1), backend)).toThrow('not a valid note key name');
  expect(() => parseCheckpoint('o\n012\nAAAA\n')).toThrow('leading zeros');
  expect(() => parseCheckpoint('o\n1\n')).toThrow('origin, a size and a root');
  expect(() => parseCheckpoint(`o\n1\n${toBase64(seed(1).subarray(1))}\n`)).toThrow('32 bytes');
  expect(() => parseCheckpoint(`o\n1\n${toBase64(seed(1))}\n\n`)).toThrow(
    'extension line is empty',
  );
});

test('generateNoteKey round-trips through parse for any name and seed', () => {
  const name = fc.stringMatching(/^[a-z0-9./_-]{1,20}$/);
  fc.assert(
    fc.property(name, fc.uint8Array({ minLength: 32, maxLength: 32 }), (n, s) => {
      const { skey, vkey } = generateNoteKey(n, s, backend);
      const signer = parseSignerKey(backend, skey);
      const verifier = parseVerifierKey(backend, vkey);
      expect(verifier.publicKey).toEqual(signer.publicKey);
      expect(verifier.keyId).toBe(noteKeyId(backend, n, 1, signer.publicKey));
      expect(
        openNote(backend, signNote(backend, 'x\n', [signer]), [verifier]).verified,
      ).toHaveLength(1);
    }),
    { numRuns: 50 },
  );
});

test('base64 decoding is canonical', () => {
  expect(() => fromBase64('+x==')).toThrow('canonical');
  expect(fromBase64('+w==')).toEqual(Uint8Array.of(0xfb));
  fc.assert(fc.property(fc.uint8Array(), (b) => expect(fromBase64(toBase64(b))).toEqual(b)));
});
