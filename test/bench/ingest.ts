/**
 * `npm run bench:ingest`: scans end to end, from a simulated fleet through the broker and the
 * ingest to sealed blocks, beside the machine's own limits measured in the same run.
 *
 *   1,000 scans/s      paced, one scan per envelope: p50/p99 scan-to-verdict (target p99 < 100 ms)
 *   50 per envelope    a fleet sending as fast as verdicts come back (target >= 20,000 scans/s)
 *   1 per envelope     the same, one scan per envelope (target >= 5,000 scans/s)
 *
 * Each reports scans/s over the whole run and sustained (the middle 60% of the scans), the
 * accepted fraction, p50/p99 scan-to-verdict at the scanner (pack scans, also for the middle 60%;
 * case and pallet scans apart, as each moves every pack inside) and scan-to-sealed (scan time to
 * the sealing block's time). The limits: raw QoS 1 throughput of the same broker (publisher to
 * subscriber), the batched insert rate of the same PostgreSQL, and node:crypto's Ed25519 verify
 * rate. The api, the sealer and the ingest run as three processes (`pedigree start <app>`) on an
 * embedded PostgreSQL of the benchmark's own; the broker is a Mosquitto from deploy/mosquitto/
 * when one is installed (else the embedded broker, said in the output); the fleet runs in this
 * process, on the same two cores, with its outboxes on disk.
 * `-- --packs N` scales the fast runs (default 60,000 packs; the 1-per-envelope run uses a quarter).
 */
import { EmbeddedPostgres } from '@pedigree/embedded';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { Fleet, buildWorld, type FleetProgress } from '@pedigree/scanner';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { connect } from 'mqtt';
import { Client } from 'pg';
import { startEmbedded, startMosquitto, type ScanBroker } from '../harness/scan-broker';
import { spawnPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';
import { median, ratePerSecond } from './measure';

const ADMIN_KEY = 'pdg_benchingestadmin00000000000000000000000';
/** `npm run bench:ingest -- --packs N` scales the fast runs. */
const PACKS = process.argv.includes('--packs')
  ? Number(process.argv[process.argv.indexOf('--packs') + 1])
  : 60_000;

interface Run {
  name: string;
  scans: number;
  /** Scans/s over the whole run, journeys' ramp-up included. */
  rate: number;
  /** Scans/s over the middle 60% of the scans (from the 20% to the 80% mark). */
  sustained: number;
  accepted: number;
  rejections: Record<string, number>;
  verdictP50: number;
  verdictP99: number;
  /** p99 of the pack scans answered in the middle 60% of the run. */
  steadyVerdictP99: number;
  containerVerdictP99: number;
  sealedP50: number;
  sealedP99: number;
}

async function main(): Promise<void> {
  const dataDir = tempDataDir('bench-ingest');
  const database = new EmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: 54383 });
  await database.start();
  await database.createDatabase('pedigree');
  const url = database.url('pedigree');
  const broker = hasMosquitto() ? await startMosquitto() : await startEmbedded();
  const env = {
    DATABASE_URL: url,
    MQTT_URL: broker.platformUrl,
    PEDIGREE_DATA_DIR: dataDir,
    PEDIGREE_ADMIN_KEY: ADMIN_KEY,
  };
  // The ingest in a process of its own, as deployed; the api and the sealer in two others.
  const platform = await spawnPlatform(env, ['api']);
  const sealer = await spawnPlatform(env, ['sealer']);
  const ingest = await spawnPlatform(env, ['ingest']);
  const sql = new Client({ connectionString: url });
  await sql.connect();
  const runs: Run[] = [];
  try {
    const shape = { caseSize: 50, palletSize: 20, pharmacies: 16 };
    // The latency run first, on fresh tables, before the throughput runs load them.
    runs.push(
      await run(
        platform.url,
        broker,
        sql,
        '1,000 scans/s, 1 per envelope',
        { ...shape, packs: 10_000 },
        { perEnvelope: 1, rate: 1_000, window: 128 },
      ),
    );
    runs.push(
      await run(
        platform.url,
        broker,
        sql,
        '50 scans per envelope',
        { ...shape, packs: PACKS },
        { perEnvelope: 50 },
      ),
    );
    runs.push(
      await run(
        platform.url,
        broker,
        sql,
        '1 scan per envelope',
        { ...shape, packs: PACKS / 4 },
        { perEnvelope: 1, window: 128 },
      ),
    );
    const limits = {
      brokerQos1: await brokerQos1Rate(broker),
      insert: await insertRate(sql),
      verify: verifyRate(),
    };
    report(runs, limits, broker.kind);
  } finally {
    await sql.end();
    await ingest.stop();
    await sealer.stop();
    await platform.stop();
    await broker.stop();
    await database.stop();
  }
}

async function run(
  api: string,
  broker: ScanBroker,
  sql: Client,
  name: string,
  shape: { packs: number; caseSize: number; palletSize: number; pharmacies: number },
  options: { perEnvelope: number; rate?: number; window?: number },
): Promise<Run> {
  process.stderr.write(
    `${name}: building a world of ${shape.packs.toLocaleString('en')} packs...\n`,
  );
  const world = await buildWorld(api, ADMIN_KEY, shape);
  const marks: Array<[number, number]> = [];
  const fleet = await Fleet.connect(world, {
    connection: (deviceId) => broker.addDevice(deviceId),
    ...options,
    outboxDir: tempDataDir('bench-outbox'),
    progressEveryMs: 100,
    onProgress: (p) => {
      marks.push([p.elapsedMs, p.acknowledged]);
      if (marks.length % 10 === 0) process.stderr.write(`\r${line(p)}   `);
    },
  });
  const sealedBefore = await maxEventId(sql);
  let progress: FleetProgress;
  try {
    progress = await fleet.run();
  } finally {
    await fleet.close();
  }
  process.stderr.write('\n');
  const sealed = await sealedLatency(sql, sealedBefore);
  const inOrder = progress.latencies;
  const steady = inOrder
    .slice(Math.floor(0.2 * inOrder.length), Math.floor(0.8 * inOrder.length))
    .sort((a, b) => a - b);
  const latencies = [...inOrder].sort((a, b) => a - b);
  const reached = (fraction: number) =>
    marks.find(([, acknowledged]) => acknowledged >= fraction * progress.acknowledged)!;
  const [from, to] = [reached(0.2), reached(0.8)];
  return {
    name,
    scans: progress.acknowledged,
    rate: progress.rate,
    sustained: (to[1] - from[1]) / ((to[0] - from[0]) / 1_000),
    accepted: progress.accepted / Math.max(progress.acknowledged, 1),
    rejections: progress.rejections,
    verdictP50: percentile(latencies, 0.5),
    verdictP99: percentile(latencies, 0.99),
    steadyVerdictP99: percentile(steady, 0.99),
    containerVerdictP99: percentile(
      progress.containerLatencies.sort((a, b) => a - b),
      0.99,
    ),
    ...sealed,
  };
}

function line(p: FleetProgress): string {
  return `sent ${p.sent}  acknowledged ${p.acknowledged}  accepted ${p.accepted}  rejected ${p.rejected}  ${Math.round(p.rate)} scans/s`;
}

async function maxEventId(sql: Client): Promise<string> {
  const { rows } = await sql.query(`SELECT COALESCE(max(id), 0)::text AS id FROM events`);
  return rows[0].id;
}

/** Scan time (the event's eventTime) to the time of the block that sealed it, for the run's events. */
async function sealedLatency(
  sql: Client,
  after: string,
): Promise<{ sealedP50: number; sealedP99: number }> {
  for (let tries = 0; tries < 600; tries++) {
    const { rows } = await sql.query(
      `SELECT count(*)::int AS waiting FROM events WHERE id > $1 AND leaf_index IS NULL`,
      [after],
    );
    if (rows[0].waiting === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rows } = await sql.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT 1000 * extract(epoch FROM b.sealed_at - (convert_from(e.document, 'UTF8')::jsonb->>'eventTime')::timestamptz) AS ms
               FROM events e
               JOIN LATERAL (SELECT sealed_at FROM blocks WHERE tree_size > e.leaf_index
                              ORDER BY tree_size LIMIT 1) b ON true
              WHERE e.id > $1 AND e.action IN ('ship', 'receive', 'dispense')) t`,
    [after],
  );
  return { sealedP50: Number(rows[0].p50), sealedP99: Number(rows[0].p99) };
}

/**
 * Raw QoS 1 messages/s through the broker, 200-byte payloads, one publisher to one subscriber:
 * the platform's login publishing on a device's verdict topic, which the device reads (the scan
 * topics would feed the ingest).
 */
async function brokerQos1Rate(broker: ScanBroker): Promise<number> {
  const id = crypto.randomUUID();
  const { url, ca } = await broker.addDevice(id);
  const topic = `pedigree/v1/devices/${id}/verdicts`;
  const count = 50_000;
  const payload = randomBytes(100).toString('hex');
  const subscriber = connect(url, { clientId: id, ca, protocolVersion: 5 });
  const publisher = connect(broker.platformUrl, { clientId: `bench-${id}`, protocolVersion: 5 });
  await Promise.all([subscriber, publisher].map((c) => new Promise((r) => c.once('connect', r))));
  let received = 0;
  const done = new Promise<void>((resolve) =>
    subscriber.on('message', () => ++received === count && resolve()),
  );
  await subscriber.subscribeAsync(topic, { qos: 1 });
  const started = performance.now();
  const window = 1_000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: window }, async () => {
      while (sent < count) {
        sent += 1;
        await publisher.publishAsync(topic, payload, { qos: 1 });
      }
    }),
  );
  await done;
  const rate = count / ((performance.now() - started) / 1_000);
  await Promise.all([subscriber.endAsync(), publisher.endAsync()]);
  return rate;
}

/** Rows/s of `INSERT ... SELECT unnest` in 1,000-row statements, the ingest's way of writing. */
async function insertRate(sql: Client): Promise<number> {
  await sql.query(`CREATE TEMP TABLE ceiling (id bigint, document bytea)`);
  const documents = Array.from({ length: 1_000 }, () => randomBytes(400));
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (let batch = 0; batch < 50; batch++) {
      const ids = documents.map((_, i) => batch * 1_000 + i);
      await sql.query(`INSERT INTO ceiling SELECT * FROM unnest($1::bigint[], $2::bytea[])`, [
        ids,
        documents,
      ]);
    }
    rates.push(50_000 / ((performance.now() - started) / 1_000));
  }
  return median(rates);
}

function verifyRate(): number {
  const seed = randomBytes(32);
  const message = randomBytes(1_000);
  const publicKey = nodeCryptoBackend.publicKeyFromSeed(seed);
  const signature = nodeCryptoBackend.sign(seed, message);
  return ratePerSecond(() => nodeCryptoBackend.verify(publicKey, message, signature), 1_000, 100);
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function hasMosquitto(): boolean {
  try {
    execFileSync('mosquitto', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as { status?: number }).status !== undefined;
  }
}

function report(
  runs: Run[],
  limits: { brokerQos1: number; insert: number; verify: number },
  brokerKind: string,
): void {
  const per = (n: number) => `${Math.round(n).toLocaleString('en')} /s`;
  console.log(
    `Pedigree ingest benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, broker: ${brokerKind}`,
  );
  console.log('machine limits, same run:');
  console.log(`  broker QoS 1, 200 B, publisher to subscriber  ${per(limits.brokerQos1)}`);
  console.log(`  PostgreSQL INSERT ... unnest, 1,000 rows      ${per(limits.insert)} rows`);
  console.log(`  Ed25519 verify, node:crypto                   ${per(limits.verify)}`);
  for (const r of runs) {
    console.log(`${r.name}: ${r.scans.toLocaleString('en')} scans`);
    const ratios = (rate: number) =>
      `${(rate / limits.brokerQos1).toFixed(2)} × broker QoS 1, ${(rate / limits.insert).toFixed(2)} × insert rows, ${(rate / limits.verify).toFixed(2)} × verify`;
    console.log(`  sustained ${per(r.sustained)} scans  (${ratios(r.sustained)})`);
    console.log(`  whole run ${per(r.rate)} scans  (${ratios(r.rate)})`);
    console.log(
      `  accepted ${(100 * r.accepted).toFixed(2)} %${Object.keys(r.rejections).length ? ` (refused: ${JSON.stringify(r.rejections)})` : ''}`,
    );
    console.log(
      `  scan to verdict p50 ${r.verdictP50.toFixed(1)} ms, p99 ${r.verdictP99.toFixed(1)} ms, p99 in the middle 60% ${r.steadyVerdictP99.toFixed(1)} ms (pack scans); p99 ${r.containerVerdictP99.toFixed(1)} ms (case and pallet scans)`,
    );
    console.log(
      `  scan to sealed  p50 ${r.sealedP50.toFixed(0)} ms, p99 ${r.sealedP99.toFixed(0)} ms`,
    );
  }
  console.log(JSON.stringify({ brokerKind, limits, runs }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
