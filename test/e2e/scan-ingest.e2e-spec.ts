/**
 * Scanners over MQTT on the real apps, a real broker and real PostgreSQL (docs/protocol.md):
 * enrolled devices scan packs and cases from the plant to the pharmacy counter, hear each
 * verdict back, and every accepted scan is an event sealed into the ledger with a proof that
 * verifies. Then every way a scan can be refused (each scan verdict code) and every way a whole
 * message can be (each quarantine reason), each answered on the device's verdict topic and kept.
 *
 * The broker is the suite's own: embedded on the default run, and in CI's second pass a
 * Mosquitto started from deploy/mosquitto/ (ACLs, passwords, scanners over TLS).
 */
import { PROTOCOL_VERSION, scanTopic, signEnvelope, verdictTopic } from '@pedigree/contracts';
import type { Scan, UnsignedScanEnvelope, VerdictMessage } from '@pedigree/contracts';
import {
  fromBase64,
  leafHash,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  toBase64,
  verifyInclusion,
} from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import { DeviceLink } from '@pedigree/scanner';
import { connect, type MqttClient } from 'mqtt';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  apiClient,
  randomGln,
  randomGtin,
  randomSscc,
  organisationWithSite,
} from '../harness/api-client';
import { scanBrokerKind, startScanBroker, type ScanBroker } from '../harness/scan-broker';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

interface Pack {
  serial: string;
  elementString: string;
  aiData: string;
  digitalLink: string;
}

interface Device {
  id: string;
  seed: Uint8Array;
}

describe('scanners over MQTT', () => {
  let broker: ScanBroker;
  let platform: SpawnedPlatform;
  let database: Client;
  let request: ReturnType<typeof apiClient>;
  const links: DeviceLink[] = [];
  const raws: MqttClient[] = [];
  const gtin = randomGtin();
  const [plant, warehouse, pharmacy, poisoned] = [
    randomGln(),
    randomGln(),
    randomGln(),
    randomGln(),
  ];
  const caseSscc = randomSscc();
  const keys = { maker: '', wholesaler: '', chemist: '' };
  const lots: Record<string, Pack[]> = {};
  let dock: { device: Device; link: DeviceLink };
  let inbound: { device: Device; link: DeviceLink };
  let counter: { device: Device; link: DeviceLink };

  const at = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
  /** GS1 DataMatrix scan data, as a keyboard-wedge scanner sends it. */
  const dataMatrix = (pack: Pack) => `]d2${pack.elementString}`;

  const organisation = (name: string, roles: string[], gln: string) =>
    organisationWithSite(request, { name, roles, gln });

  async function enrol(key: string, siteGln: string, name: string): Promise<Device> {
    const seed = new Uint8Array(randomBytes(32));
    const publicKey = toBase64(backend.publicKeyFromSeed(seed));
    const enrolled = await request('POST', '/devices', { key, body: { name, siteGln, publicKey } });
    expect(enrolled.status).toBe(201);
    return { id: enrolled.body.id, seed };
  }

  async function online(device: Device) {
    const link = await DeviceLink.open({
      ...(await broker.addDevice(device.id)),
      ...device,
      deviceId: device.id,
    });
    links.push(link);
    return { device, link };
  }

  async function commission(lot: string, count: number, expiry = '301200') {
    const batch = await request('POST', `/products/${gtin}/batches`, {
      key: keys.maker,
      body: { lot, expiry, quantity: count },
    });
    expect(batch.status).toBe(201);
    const made = await request('POST', `/products/${gtin}/batches/${lot}/serials`, {
      key: keys.maker,
      body: { count, siteGln: plant },
    });
    expect(made.status).toBe(201);
    lots[lot] = (
      await request('GET', `/products/${gtin}/batches/${lot}/serials`, { key: keys.maker })
    ).body;
  }

  const pack = async (p: Pack, key = keys.maker) =>
    (await request('GET', `/packs/${gtin}/${p.serial}`, { key })).body;

  /** A client that publishes any bytes on a device's scan topic and collects its verdicts. */
  async function rawDevice(deviceId: string) {
    const { url, ca } = await broker.addDevice(deviceId);
    const client = connect(url, { clientId: `${deviceId}-raw`, ca, reconnectPeriod: 0 });
    raws.push(client);
    const verdicts: VerdictMessage[] = [];
    await new Promise<void>((ready, fail) => {
      client.once('error', fail);
      client.once('connect', () =>
        client.subscribe(verdictTopic(deviceId), { qos: 1 }, (error) =>
          error ? fail(error) : ready(),
        ),
      );
    });
    client.on('message', (_topic, payload) => verdicts.push(JSON.parse(payload.toString())));
    return {
      /** Publishes the bytes and waits for the next verdict message. */
      async publish(payload: string | Uint8Array): Promise<VerdictMessage> {
        const before = verdicts.length;
        await client.publishAsync(scanTopic(deviceId), Buffer.from(payload), { qos: 1 });
        const deadline = Date.now() + 20_000;
        while (verdicts.length === before && Date.now() < deadline) await sleep(20);
        expect(verdicts.length).toBeGreaterThan(before);
        return verdicts[before]!;
      },
    };
  }

  const signed = (device: Device, seq: number, scans: Scan[]) =>
    JSON.stringify(
      signEnvelope(backend, device.seed, {
        v: PROTOCOL_VERSION,
        device: device.id,
        seq,
        sentAt: at(),
        scans,
      } satisfies UnsignedScanEnvelope),
    );

  const quarantine = async (key: string, query = '') =>
    (await request('GET', `/quarantine${query}`, { key })).body as Array<Record<string, unknown>>;

  beforeAll(async () => {
    broker = await startScanBroker();
    const databaseUrl = await workerDatabaseUrl('scan_ingest');
    database = new Client({ connectionString: databaseUrl });
    await database.connect();
    platform = await spawnPlatform({ ...platformEnv(databaseUrl), MQTT_URL: broker.platformUrl });
    request = apiClient(platform.url);
    keys.maker = await organisation('Acme Pharma', ['manufacturer'], plant);
    keys.wholesaler = await organisation('Beta Wholesale', ['distributor'], warehouse);
    keys.chemist = await organisation('Corner Pharmacy', ['pharmacy'], pharmacy);
    await request('POST', '/sites', {
      key: keys.chemist,
      body: { gln: poisoned, name: 'Annex', address: '2 Road', city: 'Lyon', country: 'FR' },
    });
    const product = {
      gtin,
      name: 'Ibuprofen 200 mg',
      form: 'tablet',
      strength: '200 mg',
      packSize: 24,
    };
    expect((await request('POST', '/products', { key: keys.maker, body: product })).status).toBe(
      201,
    );
    await commission('L-1', 12);
    dock = await online(await enrol(keys.maker, plant, 'Dock 1'));
    inbound = await online(await enrol(keys.wholesaler, warehouse, 'Inbound'));
    counter = await online(await enrol(keys.chemist, pharmacy, 'Counter'));
  });

  afterAll(async () => {
    for (const link of links) await link.close();
    for (const client of raws) await client.endAsync();
    await platform?.stop();
    await database?.end();
    await broker?.stop();
  });

  describe('the journey', () => {
    it('ships a pack out of the plant: OK at once, recorded at its scan time', async () => {
      const [first] = lots['L-1']!;
      const scannedAt = at(-1_000);
      const answer = await dock.link.send([
        {
          raw: dataMatrix(first!),
          at: scannedAt,
          step: 'shipping',
          site: plant,
          destination: warehouse,
        },
      ]);
      expect(answer).toMatchObject({
        device: dock.device.id,
        accepted: true,
        verdicts: [{ index: 0, code: 'OK', sentence: expect.any(String) }],
      });
      const state = await pack(first!);
      expect(state).toMatchObject({ state: 'active' });
      const shipped = state.events.at(-1);
      // The leaf is served once the event is sealed, within a block interval.
      let leaf = await request('GET', `/ledger/events/${shipped.id}/leaf`, { key: keys.maker });
      for (let tries = 0; leaf.status !== 200 && tries < 100; tries++) {
        await sleep(100);
        leaf = await request('GET', `/ledger/events/${shipped.id}/leaf`, { key: keys.maker });
      }
      const document = JSON.parse(new TextDecoder().decode(fromBase64(leaf.body.document)));
      expect(document).toMatchObject({
        eventTime: scannedAt,
        bizStep: expect.stringContaining('shipping'),
      });
    });

    it('ships a whole case, which moves every pack inside it', async () => {
      const inside = lots['L-1']!.slice(1, 6);
      const packed = await request('POST', '/containers', {
        key: keys.maker,
        body: { sscc: caseSscc, siteGln: plant, items: inside.map((p) => p.elementString) },
      });
      expect(packed.status).toBe(201);
      const answer = await dock.link.send([
        {
          raw: `]C100${caseSscc}`,
          at: at(),
          step: 'shipping',
          site: plant,
          destination: warehouse,
        },
      ]);
      expect(answer.verdicts).toEqual([expect.objectContaining({ code: 'OK' })]);
      for (const p of inside) expect(await pack(p)).toMatchObject({ inTransitToGln: warehouse });
    });

    it('receives the pack and the case at the wholesaler, several scans in one envelope', async () => {
      const [first] = lots['L-1']!;
      const answer = await inbound.link.send([
        { raw: first!.digitalLink, at: at(), step: 'receiving', site: warehouse },
        { raw: `(00)${caseSscc}`, at: at(), step: 'receiving', site: warehouse },
      ]);
      expect(answer.verdicts.map((v) => v.code)).toEqual(['OK', 'OK']);
      expect(await pack(first!, keys.wholesaler)).toMatchObject({ custodyGln: warehouse });
      expect(await pack(lots['L-1']![3]!, keys.wholesaler)).toMatchObject({
        custodyGln: warehouse,
      });
    });

    it('ships to the pharmacy, which receives and dispenses the pack, judged in scan-time order', async () => {
      const [first] = lots['L-1']!;
      const out = await inbound.link.send([
        {
          raw: dataMatrix(first!),
          at: at(),
          step: 'shipping',
          site: warehouse,
          destination: pharmacy,
        },
      ]);
      expect(out.verdicts[0]!.code).toBe('OK');
      // Listed out of order: the platform judges them by scan time (receive, inspect, dispense).
      const now = Date.now();
      const second = (n: number) => new Date(now + n * 1_000).toISOString();
      const counterScans = await counter.link.send([
        { raw: dataMatrix(first!), at: second(3), step: 'dispensing', site: pharmacy },
        { raw: dataMatrix(first!), at: second(2), step: 'inspecting', site: pharmacy },
        { raw: dataMatrix(first!), at: second(1), step: 'receiving', site: pharmacy },
      ]);
      expect(counterScans.verdicts.map((v) => v.code)).toEqual(['OK', 'OK', 'OK']);
      expect(await pack(first!, keys.chemist)).toMatchObject({ state: 'dispensed' });
    });

    it('seals every scan event, each provable against a signed checkpoint', async () => {
      const [first] = lots['L-1']!;
      const history = async () =>
        (await pack(first!)).events as Array<{ id: string; leafIndex: string | null }>;
      const deadline = Date.now() + 15_000;
      while ((await history()).some((e) => e.leafIndex === null) && Date.now() < deadline) {
        await sleep(100);
      }
      const events = await history();
      // commissioned, shipped, received, shipped, received, dispensed (the inspection records nothing)
      expect(events).toHaveLength(6);
      const key = parseVerifierKey(backend, (await request('GET', '/ledger/key')).body.trim());
      const checkpoint = parseCheckpoint(
        openNote(backend, (await request('GET', '/ledger/checkpoint')).body, [key]).text,
      );
      for (const event of events) {
        const leaf = (await request('GET', `/ledger/events/${event.id}/leaf`, { key: keys.maker }))
          .body;
        const proof = (
          await request('GET', `/ledger/events/${event.id}/proof?treeSize=${checkpoint.size}`, {
            key: keys.maker,
          })
        ).body;
        expect(
          verifyInclusion(
            backend,
            proof.leafIndex,
            checkpoint.size,
            leafHash(backend, fromBase64(leaf.document)),
            proof.path.map(fromBase64),
            checkpoint.root,
          ),
        ).toBe(true);
      }
    });

    it('answers an identical redelivery with the first verdicts and records nothing new', async () => {
      const raw = await rawDevice(dock.device.id);
      const p = lots['L-1']![7]!;
      const bytes = signed(dock.device, 42, [
        { raw: dataMatrix(p), at: at(), step: 'shipping', site: plant, destination: warehouse },
      ]);
      const first = await raw.publish(bytes);
      expect(first).toMatchObject({ seq: 42, accepted: true, verdicts: [{ code: 'OK' }] });
      const events = (await pack(p)).events.length;
      // The same content with other whitespace is the same envelope.
      const again = await raw.publish(` ${JSON.stringify(JSON.parse(bytes), null, 2)}`);
      expect(again).toEqual(first);
      expect((await pack(p)).events).toHaveLength(events);
    });
  });

  describe('the broker (Mosquitto with deploy/mosquitto/, in CI)', () => {
    const onMosquitto = scanBrokerKind() === 'mosquitto' ? it : it.skip;

    onMosquitto(
      'lets a device publish only on its own scan topic and read only its own verdicts',
      async () => {
        const { url, ca } = await broker.addDevice(dock.device.id);
        const client = connect(url, {
          clientId: `${dock.device.id}-acl`,
          ca,
          reconnectPeriod: 0,
          protocolVersion: 5,
        });
        raws.push(client);
        await new Promise((connected) => client.once('connect', connected));
        // Mosquitto grants the subscription but delivers nothing the ACL does not let it read.
        await client.subscribeAsync(verdictTopic(inbound.device.id), { qos: 1 });
        const overheard: unknown[] = [];
        client.on('message', (topic) => overheard.push(topic));
        const envelope = signed(inbound.device, 77, [
          { raw: dataMatrix(lots['L-1']![11]!), at: at(), step: 'inspecting', site: warehouse },
        ]);
        await client
          .publishAsync(scanTopic(inbound.device.id), envelope, { qos: 1 })
          .catch(() => {});
        await sleep(1_000);
        const stored = await database.query(
          `SELECT (SELECT count(*) FROM envelopes WHERE device_id = $1 AND seq = 77)::int AS accepted,
                (SELECT count(*) FROM quarantine WHERE device_id = $1 AND seq = 77)::int AS refused`,
          [inbound.device.id],
        );
        expect(stored.rows[0]).toEqual({ accepted: 0, refused: 0 });
        const own = await inbound.link.send([
          { raw: dataMatrix(lots['L-1']![11]!), at: at(), step: 'inspecting', site: warehouse },
        ]);
        expect(own.accepted).toBe(true);
        await sleep(300);
        expect(overheard).toEqual([]);
      },
    );

    onMosquitto('refuses a client without valid credentials', async () => {
      const { url, ca } = await broker.addDevice(dock.device.id);
      const wrong = new URL(url);
      wrong.password = 'not-the-password';
      const client = connect(wrong.toString(), { clientId: 'intruder', ca, reconnectPeriod: 0 });
      raws.push(client);
      const error = await new Promise<Error>((refused) => client.once('error', refused));
      expect(error.message).toMatch(/Not authorized|Bad User Name or Password/i);
    });
  });

  describe('scan verdicts: each refused scan says why, and the others in its envelope go through', () => {
    const inspect = (raw: string, site = plant): Scan => ({
      raw,
      at: at(),
      step: 'inspecting',
      site,
    });

    it('answers every code a scan can get, one envelope, in scan order', async () => {
      await commission('L-RECALL', 1);
      await commission('L-OLD', 1);
      await commission('L-LOCK', 1);
      await request('POST', `/products/${gtin}/batches/L-RECALL/recall`, {
        key: keys.maker,
        body: { reason: 'Contaminated lot' },
      });
      // Time passing and an investigation, made directly in the database: the ingest must judge them.
      await database.query(`UPDATE batches SET expiry = '200131' WHERE lot = 'L-OLD'`);
      const locked = lots['L-LOCK']![0]!;
      await database.query(`UPDATE packs SET state = 'locked' WHERE serial = $1`, [locked.serial]);
      const good = lots['L-1']![8]!;
      const packed = lots['L-1']![9]!;
      const boxed = await request('POST', '/containers', {
        key: keys.maker,
        body: { sscc: randomSscc(), siteGln: plant, items: [packed.elementString] },
      });
      expect(boxed.status).toBe(201);
      const elsewhere = lots['L-1']![0]!; // dispensed at the pharmacy
      const cases: Array<[Scan, string, string?]> = [
        [inspect(dataMatrix(good)), 'OK'],
        [inspect('hello scanner'), 'MALFORMED_CODE'],
        [inspect(`(01)${randomGtin()}(21)NOPE`), 'UNKNOWN_PRODUCT'],
        [inspect(`(01)${gtin}(21)NEVERISSUED`), 'UNKNOWN_SERIAL'],
        [inspect(`(01)${gtin}(10)L-999(21)${good.serial}`), 'BATCH_MISMATCH', 'lot L-999'],
        [inspect(`(01)${gtin}(17)291231(21)${good.serial}`), 'EXPIRY_MISMATCH', '291231'],
        [inspect(dataMatrix(elsewhere)), 'ALREADY_DECOMMISSIONED'],
        [inspect(dataMatrix(lots['L-RECALL']![0]!)), 'RECALLED'],
        // The pack's own expiry (AI 17) would not match the changed record: read without it.
        [inspect(`(01)${gtin}(21)${lots['L-OLD']![0]!.serial}`), 'EXPIRED'],
        [inspect(dataMatrix(locked)), 'LOCKED'],
        [inspect(dataMatrix(good), warehouse), 'WRONG_CUSTODY', `enrolled at site ${plant}`],
        [
          {
            raw: dataMatrix(good),
            at: at(),
            step: 'shipping',
            site: plant,
            destination: randomGln(),
          },
          'WRONG_CUSTODY',
          'is registered',
        ],
        [
          { raw: dataMatrix(good), at: at(), step: 'receiving', site: plant },
          'WRONG_CUSTODY',
          'never shipped',
        ],
        [
          {
            raw: dataMatrix(packed),
            at: at(),
            step: 'shipping',
            site: plant,
            destination: warehouse,
          },
          'SUSPECT',
          'move the whole container',
        ],
      ];
      const answer = await dock.link.send(cases.map(([scan]) => scan));
      expect(answer.accepted).toBe(true);
      answer.verdicts.forEach((verdict, i) => {
        const [, code, detail] = cases[i]!;
        expect({ i, code: verdict.code }).toEqual({ i, code });
        if (detail) expect(verdict.detail).toContain(detail);
        expect(verdict.sentence.length).toBeGreaterThan(10);
      });
      // Inspections and refusals record nothing.
      expect((await pack(good)).events).toHaveLength(1);
      // Those that point at a falsified pack are alerts for the manufacturer.
      const alerts = (await request('GET', '/alerts', { key: keys.maker })).body as Array<
        Record<string, unknown>
      >;
      expect(
        alerts
          .filter((a) => a.source === 'scan')
          .map((a) => a.code)
          .sort(),
      ).toEqual([
        'ALREADY_DECOMMISSIONED',
        'BATCH_MISMATCH',
        'EXPIRY_MISMATCH',
        'SUSPECT',
        'UNKNOWN_SERIAL',
      ]);
    });
  });

  describe('quarantine: a message refused whole is kept, answered and acked, never dropped', () => {
    const scan = (): Scan => ({
      raw: dataMatrix(lots['L-1']![9]!),
      at: at(),
      step: 'inspecting',
      site: plant,
    });

    it('OVERSIZE, NOT_JSON, UNSUPPORTED_VERSION and SCHEMA, from the bytes alone', async () => {
      const raw = await rawDevice(dock.device.id);
      const cases: Array<[string, string, string]> = [
        ['x'.repeat(300_000), 'OVERSIZE', '300000 bytes'],
        ['{"v":1,"device":', 'NOT_JSON', 'not JSON'],
        [
          JSON.stringify({ v: 2, device: dock.device.id, seq: 5 }),
          'UNSUPPORTED_VERSION',
          'version 2',
        ],
        [signed(dock.device, 7, [{ ...scan(), site: 'nowhere' }]), 'SCHEMA', 'scans[0].site'],
      ];
      for (const [payload, reason, detail] of cases) {
        const answer = await raw.publish(payload);
        expect(answer).toMatchObject({
          device: dock.device.id,
          accepted: false,
          reason,
          verdicts: [],
        });
        expect(answer.detail).toContain(detail);
      }
      const kept = await quarantine(keys.maker, `?device=${dock.device.id}`);
      expect(kept.slice(0, 4).map((row) => row.reason)).toEqual([
        'SCHEMA',
        'UNSUPPORTED_VERSION',
        'NOT_JSON',
        'OVERSIZE',
      ]);
      expect(Buffer.from(kept[2]!.payload as string, 'base64').toString()).toBe('{"v":1,"device":');
      expect(await quarantine(keys.wholesaler, `?device=${dock.device.id}`)).toEqual([]);
    });

    it('UNKNOWN_DEVICE, DEVICE_REVOKED and BAD_SIGNATURE, from the registry', async () => {
      const stranger = { id: randomUUID(), seed: new Uint8Array(randomBytes(32)) };
      const unknown = await (await rawDevice(stranger.id)).publish(signed(stranger, 1, [scan()]));
      expect(unknown).toMatchObject({ accepted: false, reason: 'UNKNOWN_DEVICE', seq: 1 });
      const all = await quarantine(TEST_ADMIN_KEY, `?device=${stranger.id}`);
      expect(all).toEqual([
        expect.objectContaining({ reason: 'UNKNOWN_DEVICE', deviceId: stranger.id }),
      ]);

      const forged = { ...dock.device, seed: new Uint8Array(randomBytes(32)) };
      const bad = await (await rawDevice(dock.device.id)).publish(signed(forged, 8, [scan()]));
      expect(bad).toMatchObject({ accepted: false, reason: 'BAD_SIGNATURE', seq: 8 });

      const retired = await enrol(keys.maker, plant, 'Retired');
      const link = await rawDevice(retired.id);
      expect((await link.publish(signed(retired, 1, [scan()]))).accepted).toBe(true);
      await request('DELETE', `/devices/${retired.id}`, { key: keys.maker });
      const revoked = await link.publish(signed(retired, 2, [scan()]));
      expect(revoked).toMatchObject({ accepted: false, reason: 'DEVICE_REVOKED', seq: 2 });
      expect((await quarantine(keys.maker, '?reason=DEVICE_REVOKED'))[0]).toMatchObject({
        deviceId: retired.id,
        seq: 2,
      });
    });

    it('REPLAYED_SEQUENCE: a used number with other content', async () => {
      const raw = await rawDevice(dock.device.id);
      expect((await raw.publish(signed(dock.device, 900, [scan()]))).accepted).toBe(true);
      const replay = await raw.publish(
        signed(dock.device, 900, [{ ...scan(), at: '2026-01-01T00:00:00.000Z' }]),
      );
      expect(replay).toMatchObject({ accepted: false, reason: 'REPLAYED_SEQUENCE', seq: 900 });
    });

    it('PROCESSING_FAILED: a message the platform cannot record is quarantined, the rest go on', async () => {
      // A fault injected into the database: any event naming this site fails to insert.
      await database.query(`
        CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected fault'; END $$`);
      await database.query(`
        CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW
        WHEN (position('${poisoned}' in convert_from(NEW.document, 'UTF8')) > 0)
        EXECUTE FUNCTION refuse_poison()`);
      try {
        const p = lots['L-1']![10]!;
        const [poison, fine] = await Promise.all([
          dock.link.send([
            { raw: dataMatrix(p), at: at(), step: 'shipping', site: plant, destination: poisoned },
          ]),
          inbound.link.send([
            { raw: dataMatrix(lots['L-1']![4]!), at: at(), step: 'inspecting', site: warehouse },
          ]),
        ]);
        expect(poison).toMatchObject({ accepted: false, reason: 'PROCESSING_FAILED' });
        expect(poison.detail).toContain('injected fault');
        expect(fine.verdicts[0]!.code).toBe('OK');
        expect((await quarantine(keys.maker, '?reason=PROCESSING_FAILED'))[0]).toMatchObject({
          deviceId: dock.device.id,
        });
      } finally {
        await database.query('DROP TRIGGER poison ON events; DROP FUNCTION refuse_poison()');
      }
    });
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
