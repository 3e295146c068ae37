/**
 * `npm run bench:verify`: `POST /verify` over the real API (`pedigree start api` on an embedded
 * PostgreSQL of its own), with a pharmacy's real API key and a realistic mix of codes, at 5,000
 * verifications/s for 10 s (target: p99 < 20 ms), then as fast as it goes; beside it, in the same
 * run, the ceiling: a bare Nest + Fastify app (ceiling-server.ts, a process of its own) answering
 * the same requests with a constant. autocannon runs in this process, on the same two cores.
 *
 * The mix, as a pharmacy's counter sees it: 85% genuine packs held by the pharmacy (GS1
 * DataMatrix scan data), 5% each of unknown serials, lot mismatches and packs dispensed already
 * (each of those three also raises an alert).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { apiClient, randomGln, randomGtin } from '../harness/api-client';
import { benchApi } from './bench-api';

const ADMIN_KEY = 'pdg_benchverifyadmin000000000000000000000000';
const PACKS = 10_000;
const RATE = 5_000;
const SECONDS = 10;
const CONNECTIONS = 50;

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  non2xx: number;
}

async function main(): Promise<void> {
  const platform = await benchApi('verify', 54384, ADMIN_KEY);
  const { api } = platform;
  const ceiling = await bareNest();
  try {
    const { key, bodies } = await counterWithPacks(api.url);
    const results = [
      await load(
        'ceiling: bare Nest + Fastify, as fast as it goes',
        ceiling.url,
        undefined,
        bodies,
        key,
      ),
      await load(`POST /verify at ${RATE.toLocaleString('en')}/s`, api.url, RATE, bodies, key),
      await load('POST /verify, as fast as it goes', api.url, undefined, bodies, key),
    ];
    report(results);
  } finally {
    ceiling.stop();
    await platform.stop();
  }
}

/** A manufacturer's packs shipped to and received by a pharmacy; the request bodies of the mix. */
async function counterWithPacks(url: string): Promise<{ key: string; bodies: string[] }> {
  const request = apiClient(url);
  const organisation = async (name: string, role: string, gln: string) => {
    const made = await request('POST', '/organisations', {
      key: ADMIN_KEY,
      body: { name, roles: [role] },
    });
    const key = made.body.apiKey.key as string;
    await request('POST', '/sites', {
      key,
      body: { gln, name, address: '1 Rue', city: 'Lyon', country: 'FR' },
    });
    return key;
  };
  const [plant, counter, gtin] = [randomGln(), randomGln(), randomGtin()];
  const maker = await organisation('Bench Pharma', 'manufacturer', plant);
  const chemist = await organisation('Bench Pharmacy', 'pharmacy', counter);
  await request('POST', '/products', {
    key: maker,
    body: { gtin, name: 'Bench tablets', form: 'tablet', strength: '1 mg', packSize: 10 },
  });
  await request('POST', `/products/${gtin}/batches`, {
    key: maker,
    body: { lot: 'B1', expiry: '301231', quantity: PACKS },
  });
  await request('POST', `/products/${gtin}/batches/B1/serials`, {
    key: maker,
    body: { count: PACKS, siteGln: plant },
  });
  const packs: Array<{ serial: string; elementString: string }> = (
    await request('GET', `/products/${gtin}/batches/B1/serials`, { key: maker })
  ).body;
  const items = packs.map((p) => p.elementString);
  await request('POST', '/shipments', {
    key: maker,
    body: { siteGln: plant, destinationGln: counter, items },
  });
  await request('POST', '/receipts', { key: chemist, body: { siteGln: counter, items } });
  const dispensed = packs.slice(0, PACKS / 20);
  await request('POST', '/decommissions', {
    key: chemist,
    body: { siteGln: counter, action: 'dispense', items: dispensed.map((p) => p.elementString) },
  });
  const bodies: string[] = [];
  for (let i = 0; i < 2_000; i++) {
    const pick = i % 20;
    const pack = packs[PACKS / 20 + (i % (PACKS - PACKS / 20))]!;
    const code =
      pick === 0
        ? `(01)${gtin}(21)UNKNOWN${i}`
        : pick === 1
          ? `(01)${gtin}(10)B9(21)${pack.serial}`
          : pick === 2
            ? `]d2${dispensed[i % dispensed.length]!.elementString}`
            : `]d2${pack.elementString}`;
    bodies.push(JSON.stringify({ code, siteGln: counter }));
  }
  return { key: chemist, bodies };
}

async function load(
  name: string,
  url: string,
  rate: number | undefined,
  bodies: readonly string[],
  key: string,
): Promise<Result> {
  let next = 0;
  const result = await autocannon({
    url: `${url}/verify`,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(rate !== undefined && { overallRate: rate }),
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Starts ceiling-server.js and resolves with its URL once it listens. */
async function bareNest(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(__dirname, 'ceiling-server.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((listening) =>
    child.stdout.once('data', (chunk: Buffer) => listening(chunk.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function report(results: readonly Result[]): void {
  const [ceiling] = results;
  console.log(
    `Pedigree verification benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}: ${CONNECTIONS} connections, ${SECONDS} s each, load generator on the same machine`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(52)} ${Math.round(r.requestsPerSecond).toLocaleString('en').padStart(7)} req/s (${(r.requestsPerSecond / ceiling!.requestsPerSecond).toFixed(2)} × ceiling)  p50 ${r.p50} ms  p99 ${r.p99} ms  p99.9 ${r.p999} ms  errors ${r.errors}  non-2xx ${r.non2xx}`,
    );
  }
  console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
