/** `pedigree audit` that cannot run (nothing listens where it is pointed) exits 2 with what to do. */
import { audit } from '../harness/audited-chain';

describe('pedigree audit with nothing to read', () => {
  it('exits 2 naming the unreachable database', async () => {
    const result = await audit(['--database', 'postgres://postgres@127.0.0.1:1/pedigree']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('pedigree audit: cannot reach the database at 127.0.0.1:1');
    expect(result.stderr).toContain('pass --database / set DATABASE_URL');
  });

  it('exits 2 naming the unreachable API', async () => {
    const result = await audit(['--api', 'http://127.0.0.1:1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot reach the API at http://127.0.0.1:1');
  });
});
