/**
 * `npm run bench:epcis`: one EPCIS document of 10,000 events captured through the REST binding
 * (POST /epcis/capture, then the job polled until it ends) on a real API process with its own
 * embedded PostgreSQL: the events are shipments of commissioned packs, each judged by the pack
 * rules, hashed, stored and indexed in one transaction. The same document sent again is all
 * duplicates. Beside it, in the same run, the machine's own limits for what each event costs:
 * the event hash (in this process) and PostgreSQL's batched insert (rows/s).
 */
import { eventHash } from '@pedigree/epcis';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { apiClient, organisationWithSite, randomGln, randomGtin } from '../harness/api-client';
import { benchApi } from './bench-api';
import { ratePerSecond } from './measure';

const EVENTS = 10_000;
const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';

async function main(): Promise<void> {
  const platform = await benchApi('epcis', 54386);
  const { api } = platform;
  try {
    const request = apiClient(api.url);
    const [plant, warehouse, gtin] = [randomGln(), randomGln(), randomGtin()];
    const maker = await organisationWithSite(request, {
      name: 'Bench Pharma',
      roles: ['manufacturer'],
      gln: plant,
    });
    await organisationWithSite(request, {
      name: 'Bench Wholesale',
      roles: ['distributor'],
      gln: warehouse,
    });
    await request('POST', '/products', {
      key: maker,
      body: { gtin, name: 'Bench tablets', form: 'tablet', strength: '1 mg', packSize: 10 },
    });
    await request('POST', `/products/${gtin}/batches`, {
      key: maker,
      body: { lot: 'E1', expiry: '301231', quantity: EVENTS },
    });
    await request('POST', `/products/${gtin}/batches/E1/serials`, {
      key: maker,
      body: { count: EVENTS, siteGln: plant },
    });
    const serials: Array<{ serial: string }> = (
      await request('GET', `/products/${gtin}/batches/E1/serials`, { key: maker })
    ).body;
    const start = Date.now();
    const events = serials.map(({ serial }, i) => ({
      type: 'ObjectEvent',
      eventTime: new Date(start + i).toISOString(),
      eventTimeZoneOffset: '+00:00',
      action: 'OBSERVE',
      epcList: [`https://id.gs1.org/01/${gtin}/21/${serial}`],
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: `https://id.gs1.org/414/${plant}` },
      bizLocation: { id: `https://id.gs1.org/414/${plant}` },
      destinationList: [{ type: 'location', destination: `https://id.gs1.org/414/${warehouse}` }],
    }));
    const document = JSON.stringify({
      '@context': [CONTEXT],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: new Date().toISOString(),
      epcisBody: { eventList: events },
    });

    const capture = async () => {
      const started = performance.now();
      const response = await fetch(`${api.url}/epcis/capture`, {
        method: 'POST',
        headers: { authorization: `Bearer ${maker}`, 'content-type': 'application/json' },
        body: document,
      });
      if (response.status !== 202)
        throw new Error(`capture answered ${response.status}: ${await response.text()}`);
      const accepted = performance.now() - started;
      const location = response.headers.get('location')!;
      for (;;) {
        const job = (await request('GET', location, { key: maker })).body;
        if (!job.running) return { job, accepted, total: performance.now() - started };
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const first = await capture();
    const again = await capture();
    if (!first.job.success || first.job.eventIds.length !== EVENTS) {
      throw new Error(
        `the capture did not store every event: ${JSON.stringify(first.job).slice(0, 500)}`,
      );
    }

    const hashRate = ratePerSecond((i) => eventHash(events[i % EVENTS]!), 1_000, 100);
    const insertRate = await insertCeiling(platform.databaseUrl);
    const perSecond = EVENTS / (first.total / 1_000);
    console.log(
      `Pedigree EPCIS capture benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}: one document of ${EVENTS.toLocaleString('en')} shipping events (${(document.length / 1e6).toFixed(1)} MB)`,
    );
    console.log(
      `capture, 202 after ${Math.round(first.accepted)} ms, job done after ${Math.round(first.total)} ms: ${Math.round(perSecond).toLocaleString('en')} events/s`,
    );
    console.log(
      `  event hash, this process              ${Math.round(hashRate).toLocaleString('en')} events/s; capture reaches ${(perSecond / hashRate).toFixed(2)} of it`,
    );
    console.log(
      `  batched insert ceiling (unnest)       ${Math.round(insertRate).toLocaleString('en')} rows/s; capture writes about 3 rows an event (event, its identifier, its pack link): ${((perSecond * 3) / insertRate).toFixed(2)} of it`,
    );
    console.log(
      `the same document again: ${again.job.duplicates.length.toLocaleString('en')} duplicates, nothing stored, done after ${Math.round(again.total)} ms`,
    );
    console.log(
      JSON.stringify({
        events: EVENTS,
        bytes: document.length,
        acceptedMs: first.accepted,
        totalMs: first.total,
        eventsPerSecond: perSecond,
        hashPerSecond: hashRate,
        insertRowsPerSecond: insertRate,
        duplicateRunMs: again.total,
        duplicates: again.job.duplicates.length,
      }),
    );
  } finally {
    await platform.stop();
  }
}

/** INSERT ... SELECT unnest of 200,000 narrow rows into a scratch table, rows/s. */
async function insertCeiling(url: string): Promise<number> {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query('CREATE TEMP TABLE scratch (a bigint, b text)');
    const rows = 200_000;
    const ids = Array.from({ length: rows }, (_, i) => i);
    const texts = ids.map((i) => `https://id.gs1.org/01/09506000134352/21/S${i}`);
    const started = performance.now();
    await sql.query('INSERT INTO scratch SELECT * FROM unnest($1::bigint[], $2::text[])', [
      ids,
      texts,
    ]);
    return rows / ((performance.now() - started) / 1_000);
  } finally {
    await sql.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
