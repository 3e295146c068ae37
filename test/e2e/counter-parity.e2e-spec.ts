/**
 * A pharmacy gets the same verdicts whether it verifies and dispenses over HTTP (POST /verify,
 * POST /decommissions) or with its counter scanner over MQTT (steps `inspecting` and
 * `dispensing`): both go through the same event door and the same rules.
 */
import { parseElementString, randomGln, randomGtin } from '@pedigree/gs1';
import { toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { DeviceLink } from '@pedigree/scanner';
import type { Scan } from '@pedigree/contracts';
import { randomBytes } from 'node:crypto';
import { apiClient, organisationWithSite, commissionBatch } from '../harness/api-client';
import { startEmbedded, type ScanBroker } from '../harness/scan-broker';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('the counter over HTTP and over MQTT', () => {
  let broker: ScanBroker;
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let link: DeviceLink;
  const [plant, counter, elsewhere] = [randomGln(), randomGln(), randomGln()];
  const gtin = randomGtin();
  const keys = { maker: '', chemist: '', rival: '' };
  let codes: string[];
  let rivalCode: string;
  let recalledCode: string;

  const organisation = (name: string, roles: string[], gln: string) =>
    organisationWithSite(request, { name, roles, gln, city: 'Lille' });

  const batch = async (lot: string, count: number) =>
    (await commissionBatch(request, keys.maker, { gtin, lot, count, siteGln: plant })).map(
      (p) => p.elementString,
    );

  async function deliver(items: string[], to: string, key: string) {
    const shipped = await request('POST', '/shipments', {
      key: keys.maker,
      body: { siteGln: plant, destinationGln: to, items },
    });
    expect(shipped.status).toBe(201);
    const received = await request('POST', '/receipts', { key, body: { siteGln: to, items } });
    expect(received.status).toBe(201);
  }

  const byHttp = async (code: string) =>
    (await request('POST', '/verify', { key: keys.chemist, body: { code, siteGln: counter } })).body
      .code as string;

  const byScanner = async (raw: string, step: Scan['step']) => {
    const answer = await link.send([{ raw, at: new Date().toISOString(), step, site: counter }]);
    expect(answer.accepted).toBe(true);
    return answer.verdicts[0]!.code;
  };

  beforeAll(async () => {
    broker = await startEmbedded();
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
      MQTT_URL: broker.platformUrl,
    });
    request = apiClient(platform.url);
    keys.maker = await organisation('Parity Pharma', ['manufacturer'], plant);
    keys.chemist = await organisation('Parity Pharmacy', ['pharmacy'], counter);
    keys.rival = await organisation('Other Pharmacy', ['pharmacy'], elsewhere);
    await request('POST', '/products', {
      key: keys.maker,
      body: { gtin, name: 'Ibuprofen 400 mg', form: 'tablet', strength: '400 mg', packSize: 20 },
    });
    codes = await batch('P1', 8);
    await deliver(codes.slice(0, 6), counter, keys.chemist);
    await deliver(codes.slice(6), elsewhere, keys.rival);
    rivalCode = codes[6]!;
    [recalledCode] = await batch('P2', 1);
    await request('POST', `/products/${gtin}/batches/P2/recall`, {
      key: keys.maker,
      body: { reason: 'parity test' },
    });
    const dispensed = await request('POST', '/decommissions', {
      key: keys.chemist,
      body: { siteGln: counter, action: 'dispense', items: [codes[0]] },
    });
    expect(dispensed.status).toBe(201);

    const seed = new Uint8Array(randomBytes(32));
    const device = await request('POST', '/devices', {
      key: keys.chemist,
      body: {
        name: 'Counter scanner',
        siteGln: counter,
        publicKey: toBase64(nodeCryptoBackend.publicKeyFromSeed(seed)),
      },
    });
    link = await DeviceLink.open({ url: broker.platformUrl, deviceId: device.body.id, seed });
  });

  afterAll(async () => {
    await link?.close();
    await platform?.stop();
    await broker?.stop();
  });

  it('verifies every kind of pack to the same verdict both ways', async () => {
    const serialOf = (code: string) => parseElementString(code).find((a) => a.ai === '21')!.value;
    const held = codes[1]!;
    const cases: Array<[string, string]> = [
      ['OK', `]d2${held}`],
      ['ALREADY_DECOMMISSIONED', `]d2${codes[0]}`],
      ['RECALLED', `]d2${recalledCode}`],
      ['WRONG_CUSTODY', `]d2${rivalCode}`],
      ['UNKNOWN_SERIAL', `(01)${gtin}(17)301200(10)P1(21)NEVER-ISSUED`],
      ['UNKNOWN_PRODUCT', `(01)${randomGtin()}(17)301200(10)P1(21)X1`],
      ['BATCH_MISMATCH', `(01)${gtin}(17)301200(10)P9(21)${serialOf(held)}`],
      ['EXPIRY_MISMATCH', `(01)${gtin}(17)291200(10)P1(21)${serialOf(held)}`],
      ['MALFORMED_CODE', 'not a GS1 code'],
    ];
    const seen: Array<[string, string, string]> = [];
    for (const [expected, code] of cases) {
      seen.push([expected, await byHttp(code), await byScanner(code, 'inspecting')]);
    }
    expect(seen).toEqual(cases.map(([expected]) => [expected, expected, expected]));
    // Both ways are kept in the counter's trail of verifications.
    const day = await request('GET', `/sites/${counter}/activity`, { key: keys.chemist });
    const trail = day.body.verifications as Array<{ item: string; code: string }>;
    for (const [expected, code] of cases) {
      const kept = trail.filter((v) => v.item === code).map((v) => v.code);
      expect(kept).toEqual([expected, expected]);
    }
  });

  it('dispenses both ways, and refuses a second dispense both ways', async () => {
    const [overHttp, overMqtt] = [codes[3]!, codes[4]!];
    const dispense = (item: string) =>
      request('POST', '/decommissions', {
        key: keys.chemist,
        body: { siteGln: counter, action: 'dispense', items: [item] },
      });
    expect((await dispense(overHttp)).status).toBe(201);
    expect(await byScanner(`]d2${overMqtt}`, 'dispensing')).toBe('OK');

    const again = await dispense(overMqtt);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_DECOMMISSIONED');
    expect(await byScanner(`]d2${overHttp}`, 'dispensing')).toBe('ALREADY_DECOMMISSIONED');
    for (const code of [overHttp, overMqtt]) {
      expect(await byHttp(code)).toBe('ALREADY_DECOMMISSIONED');
    }
  });
});
