/**
 * Every event the platform records is an EPCIS 2.0 event: a pack journey over the HTTP API
 * (commission, pack, unpack, ship, receive, each decommissioning, undo, batch recall, product
 * withdrawal) on a database of its own, then every sealed leaf read back as an auditor does and
 * checked against GS1's EPCIS 2.0 JSON Schema, its eventID recomputed as the GS1 event hash, and
 * one event fetched as EPCIS from the API checked against its inclusion proof.
 */
import {
  epcisDocument,
  epcisEventOf,
  packActionFromEpcis,
  type EpcisEvent,
  type PackAction,
} from '@pedigree/domain';
import { eventHash } from '@pedigree/epcis';
import {
  canonicalJson,
  fromBase64,
  leafHash,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  verifyInclusion,
} from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import {
  apiClient,
  randomGln,
  randomGtin,
  randomSscc,
  organisationWithSite,
} from '../harness/api-client';
import { epcisSchemaErrors } from '../harness/epcis-schema';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const DECOMMISSIONS = [
  'dispense',
  'destroy',
  'report_stolen',
  'supply_sample',
  'supply_free_sample',
  'export',
  'check_out',
] as const;

describe('events as EPCIS 2.0', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const [gtin, withdrawn] = [randomGtin(), randomGtin()];
  const [plant, counter] = [randomGln(), randomGln()];
  const caseSscc = randomSscc();
  let maker: string;
  let chemist: string;
  /** The actions recorded, in order, with the event id the API answered (a recall answers none). */
  const recorded: Array<{ action: PackAction; eventId?: string }> = [];
  let leaves: Array<{ leafIndex: number; eventId: string; event: EpcisEvent }>;

  const organisation = (name: string, roles: string[], gln: string) =>
    organisationWithSite(request, { name, roles, gln });

  /** Posts a step and keeps the event it was recorded as. */
  async function step(action: PackAction, key: string, path: string, body: object): Promise<void> {
    const response = await request('POST', path, { key, body });
    expect(response).toMatchObject({ status: 201, body: { eventId: expect.any(String) } });
    recorded.push({ action, eventId: response.body.eventId });
  }

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl('epcis_events')));
    request = apiClient(platform.url);
    maker = await organisation('Acme Pharma', ['manufacturer'], plant);
    chemist = await organisation('Corner Pharmacy', ['pharmacy'], counter);

    for (const code of [gtin, withdrawn]) {
      const product = { gtin: code, name: 'Paracetamol', form: 'tablet', strength: '500 mg' };
      expect(
        (await request('POST', '/products', { key: maker, body: { ...product, packSize: 16 } }))
          .status,
      ).toBe(201);
    }
    await request('POST', `/products/${gtin}/batches`, {
      key: maker,
      body: { lot: 'L/7', expiry: '301200', quantity: 20 },
    });
    const commissioned = await request('POST', `/products/${gtin}/batches/L%2F7/serials`, {
      key: maker,
      body: { count: 10, siteGln: plant },
    });
    expect(commissioned.status).toBe(201);
    recorded.push({ action: 'commission', eventId: commissioned.body.eventIds[0] });
    const packs: string[] = (
      await request('GET', `/products/${gtin}/batches/L%2F7/serials`, { key: maker })
    ).body.map((s: { elementString: string }) => s.elementString);

    await step('pack', maker, '/containers', {
      sscc: caseSscc,
      siteGln: plant,
      items: packs.slice(0, 2),
    });
    await step('unpack', maker, `/containers/${caseSscc}/unpack`, { siteGln: plant });
    await step('ship', maker, '/shipments', {
      siteGln: plant,
      destinationGln: counter,
      items: packs,
    });
    await step('receive', chemist, '/receipts', { siteGln: counter, items: packs });
    for (const [i, action] of DECOMMISSIONS.entries()) {
      await step(action, chemist, '/decommissions', {
        siteGln: counter,
        action,
        items: [packs[i]],
      });
    }
    await step('undo', chemist, '/decommissions/undo', { siteGln: counter, items: [packs[0]] });
    for (const path of [
      `/products/${gtin}/batches/L%2F7/recall`,
      `/products/${withdrawn}/withdraw`,
    ]) {
      const response = await request('POST', path, { key: maker, body: { reason: 'Out of spec' } });
      expect(response.status).toBe(201);
      recorded.push({ action: 'recall' });
    }

    // The leaves of this database are this journey's events; wait until all are sealed.
    const deadline = Date.now() + 15_000;
    do {
      const page = await request('GET', '/ledger/leaves?from=0', { key: TEST_ADMIN_KEY });
      leaves = (page.body.leaves ?? []).map(
        (leaf: { leafIndex: number; eventId: string; document: string }) => ({
          ...leaf,
          event: epcisEventOf(fromBase64(leaf.document)),
        }),
      );
      if (leaves.length >= recorded.length) break;
      await new Promise((r) => setTimeout(r, 100));
    } while (Date.now() < deadline);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('seals every action as an event that validates against the EPCIS 2.0 schema', () => {
    expect(leaves.map((leaf) => leaf.leafIndex)).toEqual(recorded.map((_, i) => i));
    for (const { event } of leaves) expect(epcisSchemaErrors(event)).toEqual([]);
    expect(
      epcisSchemaErrors(
        epcisDocument(
          leaves.map((leaf) => leaf.event),
          new Date(),
        ),
      ),
    ).toEqual([]);
  });

  it('writes each action with its own CBV business step and disposition, in order', () => {
    expect(
      leaves.map(({ event }) =>
        packActionFromEpcis(String(event.bizStep), String(event.disposition)),
      ),
    ).toEqual(recorded.map((r) => r.action));
    leaves.forEach((leaf, i) => expect(leaf.eventId).toBe(recorded[i]!.eventId ?? leaf.eventId));
  });

  it('identifies each event by its GS1 event hash, which any holder of the event recomputes', () => {
    for (const { event } of leaves) {
      expect(event.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
      expect(eventHash(event)).toBe(event.eventID);
    }
    expect(new Set(leaves.map(({ event }) => event.eventID)).size).toBe(leaves.length);
  });

  it('carries the batch on commissioning and GLN-located places, as GS1 Digital Links', () => {
    const [commission] = leaves;
    expect(commission!.event).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      ilmd: { 'cbvmda:lotNumber': 'L/7', 'cbvmda:itemExpirationDate': '2030-12-31' },
      readPoint: { id: `https://id.gs1.org/414/${plant}` },
      bizLocation: { id: `https://id.gs1.org/414/${plant}` },
    });
    expect(leaves[1]!.event).toMatchObject({
      type: 'AggregationEvent',
      parentID: `https://id.gs1.org/00/${caseSscc}`,
    });
    expect(leaves[3]!.event.destinationList).toEqual([
      { type: 'location', destination: `https://id.gs1.org/414/${counter}` },
    ]);
    expect(leaves.at(-2)!.event.quantityList).toEqual([
      { epcClass: `https://id.gs1.org/01/${gtin}/10/L%2F7` },
    ]);
    expect(leaves.at(-1)!.event.quantityList).toEqual([
      { epcClass: `https://id.gs1.org/01/${withdrawn}` },
    ]);
  });

  it('records each event before the block that seals it: recordTime is in the signed leaf', async () => {
    const blocks: Array<{ treeSize: number; timeMs: number }> = (
      await request('GET', '/ledger/blocks')
    ).body.blocks;
    for (const { leafIndex, event } of leaves) {
      const sealing = blocks.find((block) => block.treeSize > leafIndex)!;
      const recordTime = Date.parse(String(event.recordTime));
      expect(recordTime).toBeGreaterThanOrEqual(Date.parse(String(event.eventTime)));
      expect(recordTime).toBeLessThanOrEqual(sealing.timeMs);
    }
  });

  it('serves an event as EPCIS whose canonical JSON is the leaf its inclusion proof covers', async () => {
    const shipped = recorded.find((r) => r.action === 'ship')!.eventId;
    const response = await request('GET', `/ledger/events/${shipped}/epcis`, { key: chemist });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const event: EpcisEvent = response.body;
    expect(epcisSchemaErrors(event)).toEqual([]);
    expect(eventHash(event)).toBe(event.eventID);

    const key = parseVerifierKey(backend, (await request('GET', '/ledger/key')).body.trim());
    const checkpoint = parseCheckpoint(
      openNote(backend, (await request('GET', '/ledger/checkpoint')).body, [key]).text,
    );
    const proof = (
      await request('GET', `/ledger/events/${shipped}/proof?treeSize=${checkpoint.size}`, {
        key: chemist,
      })
    ).body;
    expect(
      verifyInclusion(
        backend,
        proof.leafIndex,
        checkpoint.size,
        leafHash(backend, canonicalJson(event)),
        proof.path.map(fromBase64),
        checkpoint.root,
      ),
    ).toBe(true);
    // One changed field and the proof no longer holds.
    const altered = { ...event, disposition: 'in_progress' };
    expect(
      verifyInclusion(
        backend,
        proof.leafIndex,
        checkpoint.size,
        leafHash(backend, canonicalJson(altered)),
        proof.path.map(fromBase64),
        checkpoint.root,
      ),
    ).toBe(false);

    expect((await request('GET', `/ledger/events/${shipped}/epcis`)).status).toBe(401);
    expect((await request('GET', '/ledger/events/999999/epcis', { key: chemist })).status).toBe(
      404,
    );
  });
});
