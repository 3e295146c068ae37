// The batching of the trail of verifications, against a recorder that keeps what it is given: the
// SQL itself runs against PostgreSQL in the e2e suites (console-counter, role-walk).
import type { NewVerification, VerificationRepository } from '@pedigree/persistence';
import { VerificationTrail } from './verification-trail';

function recorder(fail = false) {
  const batches: NewVerification[][] = [];
  const repository = {
    recordMany: async (rows: readonly NewVerification[]) => {
      batches.push([...rows]);
      if (fail) throw new Error('the database is down');
    },
  } as unknown as VerificationRepository;
  return { batches, trail: new VerificationTrail(repository) };
}

const verification = (n: number): NewVerification => ({
  organisationId: 'o',
  siteId: null,
  item: `item ${n}`,
  code: 'OK',
});

describe('the trail of verifications', () => {
  it('writes verifications made together in one statement, and answers each once written', async () => {
    const { batches, trail } = recorder();
    await Promise.all([1, 2, 3].map((n) => trail.record(verification(n))));
    expect(batches).toEqual([[verification(1), verification(2), verification(3)]]);
    await trail.record(verification(4));
    expect(batches).toHaveLength(2);
  });

  it('writes at once when 500 are waiting', async () => {
    const { batches, trail } = recorder();
    const all = Array.from({ length: 501 }, (_, n) => trail.record(verification(n)));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(500);
    await Promise.all(all);
    expect(batches.map((b) => b.length)).toEqual([500, 1]);
  });

  it('fails every verification of a batch the database refused', async () => {
    const { trail } = recorder(true);
    const outcomes = await Promise.allSettled([
      trail.record(verification(1)),
      trail.record(verification(2)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
