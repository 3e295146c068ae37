import { fromBase64, toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturedIo as capture } from './io';
import { scannerCommand, type ScannerKeyFile } from './scanner.command';

describe('pedigree scanner enrol', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pedigree-scanner-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the seed in a 0600 file and prints the matching public key to register', async () => {
    const out = join(dir, 'dock3.key');
    const io = capture();
    expect(await scannerCommand(['enrol', '--name', 'Dock 3', '--out', out], io)).toBe(0);

    expect(statSync(out).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(out, 'utf8')) as ScannerKeyFile;
    const seed = fromBase64(stored.seed);
    expect(seed).toHaveLength(32);
    const derived = toBase64(nodeCryptoBackend.publicKeyFromSeed(seed));

    const printed = JSON.parse(io.stdout[0]) as Record<string, string>;
    expect(printed).toEqual({ name: 'Dock 3', publicKey: derived });
    expect(stored).toMatchObject({ name: 'Dock 3', publicKey: derived });
    expect(io.stdout.join('\n')).not.toContain(stored.seed);
    expect(io.stdout).toHaveLength(1);
    expect(io.stderr[0]).toContain('POST /devices');
    expect(io.stderr[0]).toContain("site's GLN");
    expect(io.stderr[0]).toContain(`private key stays in ${out}`);

    const message = new TextEncoder().encode('envelope');
    const signature = nodeCryptoBackend.sign(seed, message);
    expect(nodeCryptoBackend.verify(fromBase64(printed.publicKey), message, signature)).toBe(true);
  });

  it('refuses to overwrite an existing key file', async () => {
    const out = join(dir, 'taken.key');
    writeFileSync(out, 'the device key already here');
    const io = capture();
    expect(await scannerCommand(['enrol', '--out', out], io)).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('the device key already here');
    expect(io.stdout).toEqual([]);
    expect(io.stderr[0]).toContain('exists already');
    expect(io.stderr[0]).toContain('--out');
  });

  it('draws a fresh key each time', async () => {
    const [a, b] = [capture(), capture()];
    await scannerCommand(['enrol', '--out', join(dir, 'a.key')], a);
    await scannerCommand(['enrol', '--out', join(dir, 'b.key')], b);
    expect(JSON.parse(a.stdout[0]).publicKey).not.toBe(JSON.parse(b.stdout[0]).publicKey);
  });

  it('explains its usage and writes nothing for an unknown verb or an empty name', async () => {
    const io = capture();
    expect(await scannerCommand(['rotate'], io)).toBe(2);
    expect(io.stderr[0]).toContain('usage: pedigree scanner enrol|run|fleet');
    const out = join(dir, 'x.key');
    expect(await scannerCommand(['enrol', '--name', ' ', '--out', out], io)).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
