import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { fromBase64, openNote, parseSignerKey, parseVerifierKey, signNote } from '@pedigree/ledger';
import { capturedIo as capture } from './io';
import { keysCommand } from './keys.command';

describe('pedigree keys', () => {
  it('generates a working Ed25519 note key pair in C2SP forms', () => {
    const io = capture();
    expect(keysCommand(['generate', '--name', 'sealer.pedigree.test'], io)).toBe(0);
    const printed = JSON.parse(io.stdout.join('')) as Record<string, string>;
    expect(printed.name).toBe('sealer.pedigree.test');
    expect(printed.vkey).toMatch(/^sealer\.pedigree\.test\+[0-9a-f]{8}\+/);
    expect(printed.skey).toMatch(/^PRIVATE\+KEY\+sealer\.pedigree\.test\+[0-9a-f]{8}\+/);
    const verifier = parseVerifierKey(nodeCryptoBackend, printed.vkey);
    expect(verifier.publicKey).toEqual(fromBase64(printed.publicKey));

    const signer = parseSignerKey(nodeCryptoBackend, printed.skey);
    const note = signNote(nodeCryptoBackend, 'pedigree.test/log\n1\nAAAA\n', [signer]);
    expect(openNote(nodeCryptoBackend, note, [verifier]).text).toBe('pedigree.test/log\n1\nAAAA\n');
  });

  it('draws a fresh key each time', () => {
    const [a, b] = [capture(), capture()];
    keysCommand(['generate'], a);
    keysCommand(['generate'], b);
    expect(JSON.parse(a.stdout[0]).publicKey).not.toBe(JSON.parse(b.stdout[0]).publicKey);
  });

  it('prints an API key that PEDIGREE_ADMIN_KEY accepts', () => {
    const io = capture();
    expect(keysCommand(['api'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^pdg_[A-Za-z0-9_-]{43}$/);
  });

  it('explains its usage', () => {
    const io = capture();
    expect(keysCommand(['rotate'], io)).toBe(2);
    expect(io.stderr[0]).toContain('usage: pedigree keys generate');
  });
});
