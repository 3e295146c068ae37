import {
  blockHash,
  CompactRange,
  formatCheckpoint,
  formatVerifierKey,
  GENESIS_PREVIOUS_HASH,
  InMemoryMerkleStore,
  inclusionProof,
  leafHash,
  nobleBackend as backend,
  noteSignerKey,
  signBlockHeader,
  signNote,
  toBase64,
  type BlockHeader,
} from '@pedigree/ledger';
import {
  AUDIT_LEAVES_PAGE,
  AuditReadError,
  proveEvent,
  runBrowserAudit,
  type Fetcher,
} from './browser-audit';

const ORIGIN = 'pedigree.test/chain';
const signer = noteSignerKey(backend, ORIGIN, new Uint8Array(32).fill(9));
const encoder = new TextEncoder();

/** A chain of `count` events in blocks of `per`, as the ledger API serves it. */
function servedChain(count: number, per: number) {
  const documents = Array.from({ length: count }, (_, i) => encoder.encode(`{"event":${i}}`));
  const range = CompactRange.empty(backend);
  const store = new InMemoryMerkleStore();
  const blocks: Array<Record<string, unknown>> = [];
  let previousHash = GENESIS_PREVIOUS_HASH;
  for (let height = 0; range.size < count; height++) {
    const end = Math.min(count, range.size + per);
    while (range.size < end) {
      range.append(leafHash(backend, documents[range.size]), store.visitor);
    }
    const header: BlockHeader = {
      version: 1,
      height,
      previousHash,
      timeMs: 1_000 + height,
      treeSize: end,
      root: range.root(),
    };
    const checkpoint = signNote(
      backend,
      formatCheckpoint({ origin: ORIGIN, size: end, root: range.root(), extensions: [] }),
      [signer],
    );
    blocks.push({
      height,
      previousHash: toBase64(previousHash),
      timeMs: header.timeMs,
      treeSize: end,
      root: toBase64(header.root),
      signature: toBase64(signBlockHeader(backend, signer.seed, header)),
      checkpoint,
    });
    previousHash = blockHash(backend, header);
  }
  const requests: string[] = [];
  const fetcher: Fetcher = (path) => {
    requests.push(path);
    const url = new URL(path, 'http://platform');
    const from = Number(url.searchParams.get('from') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 1_000);
    const ok = (body: unknown) =>
      Promise.resolve({
        status: 200,
        text: typeof body === 'string' ? body : JSON.stringify(body),
      });
    switch (url.pathname) {
      case '/ledger/checkpoint':
        return ok(blocks[blocks.length - 1].checkpoint);
      case '/ledger/key':
        return ok(`${formatVerifierKey(signer)}\n`);
      case '/ledger/blocks/latest':
        return ok(blocks[blocks.length - 1]);
      case '/ledger/blocks':
        return ok({ blocks: blocks.slice(from, from + limit) });
      case '/ledger/leaves':
        return ok({
          from,
          limit,
          leaves: documents.slice(from, from + limit).map((document, i) => ({
            leafIndex: from + i,
            eventId: String(from + i + 1),
            document: toBase64(document),
          })),
        });
      default: {
        // /ledger/events/{id}/leaf and /proof: event id n is leaf n - 1, proven to the head.
        const event = /^\/ledger\/events\/(\d+)\/(leaf|proof)$/.exec(url.pathname);
        if (!event) return Promise.resolve({ status: 404, text: '{"message":"no such route"}' });
        const index = Number(event[1]) - 1;
        const document = toBase64(documents[index]);
        const hash = toBase64(leafHash(backend, documents[index]));
        if (event[2] === 'leaf') return ok({ leafIndex: index, document, leafHash: hash });
        return ok({
          leafIndex: index,
          leafHash: hash,
          path: inclusionProof(backend, index, count, store).map(toBase64),
          block: blocks[blocks.length - 1],
        });
      }
    }
  };
  return { documents, fetcher, requests };
}

describe('the audit the regulator’s browser runs', () => {
  it('verifies a chain read page by page, telling its progress after each page', async () => {
    const count = AUDIT_LEAVES_PAGE * 2 + 300;
    const { fetcher, requests } = servedChain(count, 700);
    const seen: Array<[number, number]> = [];
    const audit = await runBrowserAudit(fetcher, (done, total) => seen.push([done, total]));
    expect(audit.outcome?.finding).toBeNull();
    expect(audit.outcome?.leaves).toBe(count);
    expect(audit.outcome?.blocks).toBe(Math.ceil(count / 700));
    expect(audit.key).toBe(formatVerifierKey(signer));
    expect(requests.filter((r) => r.startsWith('/ledger/leaves'))).toHaveLength(3);
    expect(seen[0]).toEqual([0, count]);
    expect(seen.map(([done]) => done)).toEqual(expect.arrayContaining([1_000, 2_000, count]));
    expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1][0])).toBe(true);
  });

  it('names the first place a changed event breaks the chain', async () => {
    const { fetcher } = servedChain(50, 7);
    const tampered: Fetcher = async (path) => {
      const answer = await fetcher(path);
      if (!path.startsWith('/ledger/leaves')) return answer;
      const page = JSON.parse(answer.text) as {
        leaves: Array<{ leafIndex: number; document: string }>;
      };
      const leaf = page.leaves.find((l) => l.leafIndex === 20);
      if (leaf) leaf.document = toBase64(encoder.encode('{"event":"forged"}'));
      return { status: 200, text: JSON.stringify(page) };
    };
    const audit = await runBrowserAudit(tampered, () => undefined);
    expect(audit.outcome?.finding?.where).toBe('block 2');
    expect(audit.outcome?.blocks).toBe(2);
  });

  it('proves one event: its bytes, its path and the signed head', async () => {
    const { fetcher } = servedChain(30, 7);
    const key = formatVerifierKey(signer);
    expect(await proveEvent(fetcher, '12', key)).toBe(true);
    expect(await proveEvent(fetcher, '30', key)).toBe(true);
    // Another key signed nothing here; a changed event is not the leaf; a missing one proves nothing.
    const stranger = formatVerifierKey(noteSignerKey(backend, ORIGIN, new Uint8Array(32).fill(3)));
    expect(await proveEvent(fetcher, '12', stranger)).toBe(false);
    const forged: Fetcher = async (path) => {
      const answer = await fetcher(path);
      if (!path.endsWith('/leaf')) return answer;
      const leaf = JSON.parse(answer.text) as { document: string };
      leaf.document = toBase64(encoder.encode('{"event":"forged"}'));
      return { status: 200, text: JSON.stringify(leaf) };
    };
    expect(await proveEvent(forged, '12', key)).toBe(false);
    expect(await proveEvent(fetcher, '99', key)).toBe(false);
  });

  it('says there is nothing to audit before the first block', async () => {
    const empty: Fetcher = () => Promise.resolve({ status: 404, text: '{}' });
    expect(await runBrowserAudit(empty, () => undefined)).toEqual({
      key: null,
      total: 0,
      outcome: null,
    });
  });

  it('stops with the API’s sentence when it may not read the events', async () => {
    const { fetcher } = servedChain(10, 5);
    const refused: Fetcher = (path) =>
      path.startsWith('/ledger/leaves')
        ? Promise.resolve({
            status: 403,
            text: JSON.stringify({
              code: 'FORBIDDEN',
              message:
                'Only an organisation with the role admin or regulator may do this; yours has manufacturer.',
            }),
          })
        : fetcher(path);
    await expect(runBrowserAudit(refused, () => undefined)).rejects.toThrow(
      new AuditReadError(
        'Only an organisation with the role admin or regulator may do this; yours has manufacturer.',
      ),
    );
  });
});
