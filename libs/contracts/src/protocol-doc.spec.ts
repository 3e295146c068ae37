// docs/protocol.md is the contract a scanner is written from: this test recomputes its worked
// example (signed bytes, public key, signature, digest) and checks its tables against the code,
// so the document cannot drift from the implementation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VERDICT_CODES, VERDICT_SENTENCES } from '@pedigree/domain';
import { createNobleBackend, fromHex, toBase64, toHex } from '@pedigree/ledger';
import { createNodeCryptoBackend } from '@pedigree/ledger/node';
import { MAX_ENVELOPE_BYTES, MAX_RAW_BYTES, MAX_SCANS, SCAN_STEPS } from './envelope';
import { envelopeDigest, signEnvelope, signingBytes, verifyEnvelope } from './envelope-signature';
import { TEST_SEED } from './envelope.fixture';
import { parseEnvelope } from './parse-envelope';
import { QUARANTINE_REASONS, QUARANTINE_SENTENCES } from './quarantine-reason';
import { verdictMessageSchema } from './verdict-message';

const doc = fs.readFileSync(path.join(__dirname, '../../../docs/protocol.md'), 'utf8');

/** The fenced blocks labelled `example-...` in their info string, by label. */
const blocks = new Map<string, string>();
for (const m of doc.matchAll(/^```\w+ (example-[\w-]+)\n([\s\S]*?)\n```$/gm))
  blocks.set(m[1]!, m[2]!);
const block = (name: string): string => {
  const text = blocks.get(name);
  if (text === undefined) throw new Error(`docs/protocol.md has no \`\`\` block "${name}"`);
  return text;
};

describe('docs/protocol.md', () => {
  const node = createNodeCryptoBackend();
  const noble = createNobleBackend();
  const payload = new TextEncoder().encode(block('example-envelope'));
  const parsed = parseEnvelope(payload, { topicDevice: '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6' });
  if (!parsed.ok) throw new Error(`the example envelope is refused: ${parsed.detail}`);
  const envelope = parsed.envelope;

  it('publishes the TEST KEY seed and its public key', () => {
    expect(fromHex(block('example-seed-hex'))).toEqual(TEST_SEED);
    expect(toBase64(node.publicKeyFromSeed(TEST_SEED))).toBe(block('example-public-key'));
  });

  it('shows the exact signed bytes, as text and as hex', () => {
    const bytes = signingBytes(envelope);
    expect(new TextDecoder().decode(bytes)).toBe(block('example-signed-bytes'));
    expect(toHex(bytes)).toBe(block('example-signed-bytes-hex').replace(/\s+/g, ''));
    expect(doc).toContain(`The signed bytes (${bytes.length} bytes)`);
  });

  it('shows the signature the code makes, and it verifies with both backends', () => {
    for (const backend of [node, noble]) {
      expect(signEnvelope(backend, TEST_SEED, envelope).sig).toBe(block('example-signature'));
      expect(verifyEnvelope(backend, backend.publicKeyFromSeed(TEST_SEED), envelope)).toBe(true);
    }
    expect(envelope.sig).toBe(block('example-signature'));
    expect(toHex(envelopeDigest(node, envelope))).toBe(block('example-digest-hex'));
  });

  it('shows verdict messages the schema accepts, and the quarantine detail the parser gives', () => {
    const verdicts = verdictMessageSchema.parse(JSON.parse(block('example-verdicts')));
    expect(verdicts.verdicts).toHaveLength(envelope.scans.length);
    for (const v of verdicts.verdicts) expect(v.sentence).toBe(VERDICT_SENTENCES[v.code]);
    const quarantine = verdictMessageSchema.parse(JSON.parse(block('example-quarantine')));
    const broken = {
      ...envelope,
      scans: [{ ...envelope.scans[0], site: undefined }, envelope.scans[1]],
    };
    const refused = parseEnvelope(new TextEncoder().encode(JSON.stringify(broken)));
    expect(refused).toMatchObject({
      ok: false,
      reason: quarantine.reason,
      detail: quarantine.detail,
    });
  });

  it('lists every quarantine reason and verdict code with its sentence, every step and limit', () => {
    for (const reason of QUARANTINE_REASONS) {
      expect(doc).toMatch(
        new RegExp(`\\| \`${reason}\` +\\|.*\\| ${escape(QUARANTINE_SENTENCES[reason])} +\\|`),
      );
    }
    for (const code of VERDICT_CODES) {
      expect(doc).toMatch(
        new RegExp(`\\| \`${code}\`.*\\| ${escape(VERDICT_SENTENCES[code])} +\\|`),
      );
    }
    for (const step of SCAN_STEPS) expect(doc).toMatch(new RegExp(`\\| \`${step}\` +\\|`));
    expect(doc).toContain(MAX_ENVELOPE_BYTES.toLocaleString('en'));
    expect(doc).toContain(`1 to ${MAX_SCANS}`);
    expect(doc).toContain(`1 to ${MAX_RAW_BYTES.toLocaleString('en')} UTF-8 bytes`);
    expect(doc).toContain('pedigree/scan-envelope/v1');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
