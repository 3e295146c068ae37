/**
 * Nothing lost, nothing doubled: a fleet sends 20,000 scans while the ingest is killed with
 * SIGKILL three times (and, on a broker with shared subscriptions, while one of two replicas is).
 * Afterwards every scan is recorded exactly once, every pack ended its journey dispensed, every
 * event is sealed and `pedigree audit` passes.
 *
 * The ingest runs as its own process (`pedigree start ingest`, a fixed client id) beside the api
 * and sealer; the broker is the suite's own (embedded, or Mosquitto from deploy/mosquitto/ in
 * CI's second pass), so it outlives the ingest as a real one does.
 */
import { Fleet, buildWorld, type FleetProgress, type World } from '@pedigree/scanner';
import { Client } from 'pg';
import { scanBrokerKind, startScanBroker, type ScanBroker } from '../harness/scan-broker';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';
import { workerDatabaseUrl } from '../harness/test-database';

/** 19,200 packs in 400 cases on 40 pallets: 19,200 + 2 × 400 + 2 × 40 = 20,080 scans. */
const SHAPE = { packs: 19_200, caseSize: 48, palletSize: 10, pharmacies: 4 };
const SCANS =
  SHAPE.packs +
  (2 * SHAPE.packs) / SHAPE.caseSize +
  (2 * SHAPE.packs) / SHAPE.caseSize / SHAPE.palletSize;

describe('the ingest killed while a fleet scans', () => {
  let broker: ScanBroker;

  // A broker for each test: an ingest's persistent session outlives it on the broker, and on a
  // shared subscription that session would go on taking its share of the next test's scans.
  beforeEach(async () => {
    broker = await startScanBroker();
  });
  afterEach(async () => {
    await broker?.stop();
  });

  /** The api and sealer in one process, and `replicas` ingest processes, on a fresh database. */
  async function platform(purpose: string, replicas: number) {
    const databaseUrl = await workerDatabaseUrl(purpose);
    const env = { ...platformEnv(databaseUrl), MQTT_URL: broker.platformUrl };
    const core = await spawnPlatform(env, ['api']);
    const sealer = await spawnPlatform(env, ['sealer']);
    const ingest = (n: number) =>
      spawnPlatform({ ...env, PEDIGREE_INGEST_CLIENT_ID: `${purpose}-ingest-${n}` }, ['ingest']);
    const ingests: SpawnedPlatform[] = [];
    for (let n = 0; n < replicas; n++) ingests.push(await ingest(n));
    return { databaseUrl, core, sealer, ingests, ingest };
  }

  async function drive(
    world: World,
    onProgress: (p: FleetProgress) => void,
  ): Promise<FleetProgress> {
    const fleet = await Fleet.connect(world, {
      connection: (deviceId) => broker.addDevice(deviceId),
      outboxDir: tempDataDir('crash-outbox'),
      perEnvelope: 10,
      window: 8,
      resendAfterMs: 3_000,
      progressEveryMs: 50,
      onProgress,
    });
    try {
      return await fleet.run();
    } finally {
      await fleet.close();
    }
  }

  async function expectExactlyOnceAndSealed(databaseUrl: string, progress: FleetProgress) {
    expect(progress).toMatchObject({ acknowledged: SCANS, accepted: SCANS, rejected: 0 });
    const sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    try {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const { rows } = await sql.query(
          `SELECT count(*)::int AS n FROM events WHERE leaf_index IS NULL`,
        );
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const { rows } = await sql.query(`
        SELECT (SELECT count(*) FROM events WHERE action IN ('ship', 'receive', 'dispense'))::int AS scans,
               (SELECT count(*) FROM events WHERE leaf_index IS NULL)::int AS unsealed,
               (SELECT count(*) FROM packs WHERE state = 'dispensed')::int AS dispensed,
               (SELECT count(*) FROM (SELECT ep.pack_id FROM event_packs ep JOIN events e ON e.id = ep.event_id
                                       WHERE e.action = 'dispense' GROUP BY ep.pack_id HAVING count(*) > 1) d)::int AS twice,
               (SELECT sum(scans) FROM devices)::int AS counted`);
      expect(rows[0]).toEqual({
        scans: SCANS,
        unsealed: 0,
        dispensed: SHAPE.packs,
        twice: 0,
        counted: SCANS,
      });
    } finally {
      await sql.end();
    }
    const audit = await runPedigree(['audit', '--database', databaseUrl]);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/Chain verified: \d+ blocks, [\d,]+ events/);
  }

  it('loses and doubles nothing when the one ingest is killed three times', async () => {
    const { databaseUrl, core, sealer, ingests, ingest } = await platform('crash_one', 1);
    try {
      const world = await buildWorld(core.url, TEST_ADMIN_KEY, SHAPE);
      let current = ingests[0]!;
      const kills = [0.2, 0.45, 0.7].map((f) => Math.round(f * SCANS));
      let restarting: Promise<void> = Promise.resolve();
      const progress = await drive(world, (p) => {
        if (kills.length > 0 && p.acknowledged >= kills[0]!) {
          kills.shift();
          restarting = restarting.then(async () => {
            await current.stop('SIGKILL');
            current = await ingest(0);
          });
        }
      });
      await restarting;
      expect(kills).toEqual([]);
      ingests[0] = current;
      await expectExactlyOnceAndSealed(databaseUrl, progress);
    } finally {
      for (const p of [...ingests, sealer, core]) await p.stop();
    }
  }, 240_000);

  const shared = scanBrokerKind() === 'mosquitto' ? it : it.skip;

  shared(
    'loses and doubles nothing when one of two replicas on a shared subscription dies',
    async () => {
      const { databaseUrl, core, sealer, ingests, ingest } = await platform('crash_two', 2);
      try {
        const world = await buildWorld(core.url, TEST_ADMIN_KEY, SHAPE);
        let killed = false;
        let restarting: Promise<void> = Promise.resolve();
        const progress = await drive(world, (p) => {
          if (!killed && p.acknowledged >= SCANS / 3) {
            killed = true;
            // Its supervisor starts it again with the same client id, and it drains its session's
            // share of the messages; the other replica goes on meanwhile.
            restarting = (async () => {
              await ingests[0]!.stop('SIGKILL');
              await new Promise((r) => setTimeout(r, 1_000));
              ingests[0] = await ingest(0);
            })();
          }
        });
        await restarting;
        expect(killed).toBe(true);
        await expectExactlyOnceAndSealed(databaseUrl, progress);
      } finally {
        for (const p of [...ingests, sealer, core]) await p.stop();
      }
    },
    240_000,
  );
});
