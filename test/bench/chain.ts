/**
 * `npm run bench:chain`: the chain's figures against the machine's own limits, in one run.
 *
 *   commissioning  100,000 serials in one HTTP request (target < 5 s), median of 3 batches
 *   sealing        events/s for the sealer to seal 1,000,000 recorded events, beside the batched
 *                  insert ceiling (INSERT ... SELECT unnest, rows/s) on the same database: each
 *                  sealed event costs about three row writes (its leaf index, two Merkle nodes)
 *   audit          `pedigree audit` over those 1,000,000+ events (target >= 200,000 events/s),
 *                  beside node:crypto's raw SHA-256 rate on an event-sized input
 *
 * It starts its own embedded PostgreSQL in a temporary folder and the apps as real processes.
 */
import { EmbeddedPostgres } from '@pedigree/embedded';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiClient, randomGln, randomGtin } from '../harness/api-client';
import { runPedigree, spawnPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';
import { median, medianRate, ratePerSecond } from './measure';

const ADMIN_KEY = 'pdg_benchchainadmin000000000000000000000000';
const EVENTS = 1_000_000;
const COMMISSION = 100_000;

async function main(): Promise<void> {
  const dataDir = tempDataDir('bench-chain');
  const database = new EmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: 54382 });
  await database.start();
  await database.createDatabase('pedigree');
  const url = database.url('pedigree');
  const env = { DATABASE_URL: url, PEDIGREE_DATA_DIR: dataDir, PEDIGREE_ADMIN_KEY: ADMIN_KEY };
  try {
    const commissionMs = await benchCommissioning(env);
    const sql = new Client({ connectionString: url });
    await sql.connect();
    try {
      await insertSyntheticEvents(sql);
      const sealing = await benchSealing(env, sql);
      const ceiling = await insertCeiling(sql);
      // Sealing rewrote every event row (its leaf index): let the table reach the steady state
      // autovacuum keeps it in, rather than audit while autovacuum competes for the two cores.
      await sql.query('VACUUM ANALYZE events, merkle_nodes');
      const audit = await benchAudit(url);
      const sha = shaRate(await averageEventSize(sql));
      report({ commissionMs, sealing, ceiling, audit, sha });
    } finally {
      await sql.end();
    }
  } finally {
    await database.stop();
  }
}

/** Three batches of 100,000 serials, each one HTTP request, timed from the client. */
async function benchCommissioning(env: Record<string, string>): Promise<number> {
  const api = await spawnPlatform(env, ['api']);
  try {
    const request = apiClient(api.url);
    const org = await request('POST', '/organisations', {
      key: ADMIN_KEY,
      body: { name: 'Bench Pharma', roles: ['manufacturer'] },
    });
    const key = org.body.apiKey.key;
    const gln = randomGln();
    await request('POST', '/sites', {
      key,
      body: { gln, name: 'Plant', address: '1 Line', city: 'Basel', country: 'CH' },
    });
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const gtin = randomGtin();
      await request('POST', '/products', {
        key,
        body: { gtin, name: 'Bench', form: 'tablet', strength: '1 mg', packSize: 10 },
      });
      await request('POST', `/products/${gtin}/batches`, {
        key,
        body: { lot: 'B1', expiry: '301231', quantity: COMMISSION },
      });
      const started = performance.now();
      const done = await request('POST', `/products/${gtin}/batches/B1/serials`, {
        key,
        body: { count: COMMISSION, siteGln: gln },
      });
      if (done.status !== 201)
        throw new Error(`commissioning failed: ${JSON.stringify(done.body)}`);
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await api.stop();
  }
}

/** EPCIS-sized shipping events, made by the database itself. */
async function insertSyntheticEvents(sql: Client): Promise<void> {
  await sql.query(
    `INSERT INTO events (organisation_id, action, document)
     SELECT (SELECT id FROM organisations WHERE 'manufacturer' = ANY (roles) LIMIT 1), 'ship',
            convert_to(format('{"action":"OBSERVE","bizLocation":{"id":"https://id.gs1.org/414/5412345000013"},'
              '"bizStep":"https://ref.gs1.org/cbv/BizStep-shipping","destinationList":[{"destination":'
              '"https://id.gs1.org/414/5412345000020","type":"https://ref.gs1.org/cbv/SDT-location"}],'
              '"disposition":"https://ref.gs1.org/cbv/Disp-in_transit","epcList":["https://id.gs1.org/01/09506000134352/21/S%s"],'
              '"eventTime":"2026-11-24T10:00:00.000Z","eventTimeZoneOffset":"+00:00",'
              '"readPoint":{"id":"https://id.gs1.org/414/5412345000013"},"type":"ObjectEvent"}', g), 'UTF8')
       FROM generate_series(1, $1::int) AS g`,
    [EVENTS],
  );
}

/** Starts the sealer on the backlog and times it until every event is sealed. */
async function benchSealing(
  env: Record<string, string>,
  sql: Client,
): Promise<{ events: number; perSecond: number }> {
  const total = Number((await sql.query(`SELECT count(*) FROM events`)).rows[0].count);
  const started = performance.now();
  const sealer = await spawnPlatform(env, ['sealer']);
  try {
    for (;;) {
      const { rows } = await sql.query(
        `SELECT coalesce(max(tree_size), 0)::float8 AS size FROM blocks`,
      );
      if (rows[0].size >= total) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return { events: total, perSecond: total / ((performance.now() - started) / 1000) };
  } finally {
    await sealer.stop();
  }
}

/** Rows/s of the batched insert the sealer uses, 100,000 rows per statement, on this database. */
async function insertCeiling(sql: Client): Promise<number> {
  await sql.query(
    `CREATE TEMP TABLE ceiling (level smallint, idx bigint, hash bytea, PRIMARY KEY (level, idx))`,
  );
  const n = 100_000;
  const levels = new Array<number>(n).fill(0);
  const hashes = Array.from({ length: n }, () => randomBytes(32));
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) {
    const indexes = Array.from({ length: n }, (_, i) => run * n + i);
    const started = performance.now();
    await sql.query(
      `INSERT INTO ceiling SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [levels, indexes, hashes],
    );
    rates.push(n / ((performance.now() - started) / 1000));
  }
  return median(rates);
}

/**
 * `pedigree audit` as a user runs it, median of 3: the rate it reports (first leaf to verdict)
 * and the rate timed from outside (process start and connection included).
 */
async function benchAudit(
  url: string,
): Promise<{ events: number; perSecond: number; wallPerSecond: number }> {
  const runs: Array<{ events: number; perSecond: number; wallPerSecond: number }> = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = await runPedigree(['audit', '--database', url]);
    const seconds = (performance.now() - started) / 1000;
    if (result.code !== 0) throw new Error(`audit failed: ${result.stdout}${result.stderr}`);
    const events = Number(/, ([\d,]+) events/.exec(result.stdout)![1].replaceAll(',', ''));
    const reported = Number(/\(([\d,]+) events\/s\)/.exec(result.stdout)![1].replaceAll(',', ''));
    runs.push({ events, perSecond: reported, wallPerSecond: events / seconds });
  }
  return {
    events: runs[0].events,
    perSecond: median(runs.map((r) => r.perSecond)),
    wallPerSecond: median(runs.map((r) => r.wallPerSecond)),
  };
}

async function averageEventSize(sql: Client): Promise<number> {
  return Math.round(
    Number((await sql.query(`SELECT avg(length(document)) AS size FROM events`)).rows[0].size),
  );
}

/** node:crypto SHA-256 of an input the size of an average event. */
function shaRate(size: number): { size: number; perSecond: number } {
  const input = randomBytes(size);
  return {
    size,
    perSecond: medianRate(3, () =>
      ratePerSecond(() => createHash('sha256').update(input).digest()),
    ),
  };
}

function report(r: {
  commissionMs: number;
  sealing: { events: number; perSecond: number };
  ceiling: number;
  audit: { events: number; perSecond: number; wallPerSecond: number };
  sha: { size: number; perSecond: number };
}): void {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  console.log(
    `commissioning ${n(COMMISSION)} serials (median of 3)   ${n(r.commissionMs)} ms   (target < 5,000 ms)`,
  );
  console.log(
    `sealing ${n(r.sealing.events)} events                 ${n(r.sealing.perSecond)} events/s`,
  );
  console.log(
    `  batched insert ceiling (unnest)          ${n(r.ceiling)} rows/s = ${n(r.ceiling / 3)} events/s at 3 rows each; sealing reaches ${(r.sealing.perSecond / (r.ceiling / 3)).toFixed(2)} of it`,
  );
  console.log(
    `audit of ${n(r.audit.events)} events (median of 3)    ${n(r.audit.perSecond)} events/s   (target >= 200,000); ${n(r.audit.wallPerSecond)} /s with process start`,
  );
  console.log(
    `  raw SHA-256 of ${r.sha.size} B, node:crypto          ${n(r.sha.perSecond)} /s; audit reaches ${(r.audit.perSecond / r.sha.perSecond).toFixed(2)} of it (about 2 hashes per event)`,
  );
  console.log(JSON.stringify(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
