/**
 * PEDIGREE_ADMIN_KEY makes a chosen key an admin key at start, once; a revoked admin key stays
 * revoked when the process restarts with it still set, and the start says so.
 */
import { apiClient } from '../harness/api-client';
import { spawnPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const ADMIN_KEY = 'pdg_adminkeytest_0123456789abcdefghijklmnopqrstu';

describe('PEDIGREE_ADMIN_KEY', () => {
  it('is an admin key from the first start, and a revocation survives restarts', async () => {
    const env = {
      DATABASE_URL: await workerDatabaseUrl('admin_key'),
      PEDIGREE_ADMIN_KEY: ADMIN_KEY,
    };
    const first = await spawnPlatform(env, ['api']);
    try {
      expect(first.output()).not.toContain('Admin API key (shown once');
      const request = apiClient(first.url);
      const me = await request('GET', '/organisations/me', { key: ADMIN_KEY });
      expect(me.body).toMatchObject({ name: 'Platform administrator', roles: ['admin'] });
      // A second admin key, then the configured one revoked with it.
      const spare = await request('POST', '/api-keys', {
        key: ADMIN_KEY,
        body: { label: 'spare' },
      });
      const keys = await request('GET', '/api-keys', { key: spare.body.key });
      const configured = keys.body.find((k: { label: string }) => k.label === 'PEDIGREE_ADMIN_KEY');
      expect(
        (await request('DELETE', `/api-keys/${configured.id}`, { key: spare.body.key })).status,
      ).toBe(200);
    } finally {
      await first.stop();
    }

    const second = await spawnPlatform(env, ['api']);
    try {
      const refused = await apiClient(second.url)('GET', '/organisations/me', { key: ADMIN_KEY });
      expect(refused.status).toBe(401);
      expect(second.output()).toContain('PEDIGREE_ADMIN_KEY is not an active admin key');
    } finally {
      await second.stop();
    }
  });
});
