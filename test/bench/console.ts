/**
 * `npm run bench:console`: the pharmacy counter in a real headless Chromium against a real API
 * process (on an embedded PostgreSQL of its own), on this machine's CPU and on one four times
 * slower (Chrome's CPU throttling, a modest pharmacy PC):
 * - opening the counter: from navigation until its scan field has the focus, ready for a scan;
 * - a scan: from the Enter the wedge scanner types until the verdict is on screen (the next frame).
 * Beside each, in the same run and browser, its floor: opening `/health` (a navigation that runs
 * nothing) and the bare `POST /verify` round trip from the same page (fetch, the same session).
 * What the counter adds is the difference; the ratio says how close to the floor it is.
 */
import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import {
  apiClient,
  commissionBatch,
  organisationWithSite,
  postSteps,
  randomGln,
  randomGtin,
} from '../harness/api-client';
import { launchBrowser } from '../harness/browser';
import { benchApi } from './bench-api';
import { median } from './measure';

const RUNS = 30;
const PACKS = 200;
/** Chrome's CPU slowdown for the modest PC. */
const SLOW = 4;

interface Timing {
  name: string;
  medianMs: number;
  p90Ms: number;
}

async function main(): Promise<void> {
  const platform = await benchApi('console', 54388);
  const { api } = platform;
  const browser = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  try {
    const { key, codes } = await pharmacyWithPacks(api.url);
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/console`);
    await page.fill('#key', key);
    await page.press('#key', 'Enter');
    await page.waitForURL(`${api.url}/console/counter`);
    const cdp = await browser.context.newCDPSession(page);
    const results: Array<[Timing, Timing]> = [];
    let next = 0;
    for (const rate of [1, SLOW]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const cpu = rate === 1 ? 'this CPU' : `CPU ${rate}× slower`;
      results.push([
        await timed(`open /health (floor), ${cpu}`, () => openHealth(page, api.url)),
        await timed(`open the counter until it takes a scan, ${cpu}`, () =>
          openCounter(page, api.url),
        ),
      ]);
      results.push([
        await timed(`POST /verify from the page (floor), ${cpu}`, () =>
          verifyByFetch(page, codes[next++ % codes.length]!),
        ),
        await timed(`scan: Enter to verdict on screen, ${cpu}`, () =>
          scan(page, codes[next++ % codes.length]!),
        ),
      ]);
    }
    report(results, (await bytes(page, api.url)).toLocaleString('en'));
  } finally {
    await browser.close();
    await platform.stop();
  }
}

/** A pharmacy holding packs received from their maker; the packs' DataMatrix scan data. */
async function pharmacyWithPacks(url: string): Promise<{ key: string; codes: string[] }> {
  const request = apiClient(url);
  const [plant, counter, gtin] = [randomGln(), randomGln(), randomGtin()];
  const maker = await organisationWithSite(request, {
    name: 'Bench Pharma',
    roles: ['manufacturer'],
    gln: plant,
  });
  const chemist = await organisationWithSite(request, {
    name: 'Bench Pharmacy',
    roles: ['pharmacy'],
    gln: counter,
  });
  const packs = await commissionBatch(request, maker, {
    product: { name: 'Bench tablets', form: 'tablet', strength: '1 mg', packSize: 10 },
    gtin,
    lot: 'B1',
    count: PACKS,
    siteGln: plant,
  });
  const items = packs.map((p) => p.elementString);
  await postSteps(request, [
    ['/shipments', maker, { siteGln: plant, destinationGln: counter, items }],
    ['/receipts', chemist, { siteGln: counter, items }],
  ]);
  return { key: chemist, codes: packs.map((p) => `]d2${p.elementString}`) };
}

async function timed(name: string, once: () => Promise<number>): Promise<Timing> {
  await once(); // warm: caches, JIT, the session's first look-up
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await once());
  const sorted = [...times].sort((a, b) => a - b);
  return { name, medianMs: median(times), p90Ms: sorted[Math.floor(RUNS * 0.9)]! };
}

async function openHealth(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${url}/health`);
  return performance.now() - started;
}

async function openCounter(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${url}/console/counter`);
  await page.waitForFunction(() => document.activeElement?.id === 'scan', undefined, {
    polling: 'raf',
  });
  return performance.now() - started;
}

/** The page's own clock from the Enter keydown to the frame after the verdict is written. */
async function scan(page: Page, code: string): Promise<number> {
  await page.evaluate(() => {
    const verdict = document.getElementById('verdict')!;
    const state = window as unknown as { scanTook?: Promise<number> };
    state.scanTook = new Promise((took) => {
      let pressed = 0;
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') pressed = performance.now();
        },
        { capture: true, once: true },
      );
      const watch = new MutationObserver(() => {
        if (verdict.dataset.state !== 'verdict') return;
        watch.disconnect();
        requestAnimationFrame(() => took(performance.now() - pressed));
      });
      watch.observe(verdict, { attributes: true, attributeFilter: ['data-state'] });
    });
  });
  await page.keyboard.insertText(code);
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { scanTook: Promise<number> }).scanTook);
}

async function verifyByFetch(page: Page, code: string): Promise<number> {
  return page.evaluate(async (body) => {
    const started = performance.now();
    const response = await fetch('/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.json();
    return performance.now() - started;
  }, JSON.stringify({ code }));
}

/** What opening the counter transfers: the page and its script, uncompressed. */
async function bytes(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/console/counter`);
  return page.evaluate(() =>
    [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ].reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).decodedBodySize, 0),
  );
}

function report(pairs: ReadonlyArray<[Timing, Timing]>, pageBytes: string): void {
  console.log(
    `Pedigree console benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, headless Chromium on the same machine; medians and p90 of ${RUNS} runs`,
  );
  console.log(`the counter page and its script: ${pageBytes} bytes`);
  for (const [floor, measured] of pairs) {
    for (const t of [floor, measured]) {
      console.log(
        `${t.name.padEnd(56)} median ${t.medianMs.toFixed(1).padStart(6)} ms  p90 ${t.p90Ms.toFixed(1).padStart(6)} ms`,
      );
    }
    console.log(
      `${'  the counter over its floor'.padEnd(56)} ${(measured.medianMs / floor.medianMs).toFixed(2)} ×, +${(measured.medianMs - floor.medianMs).toFixed(1)} ms`,
    );
  }
  console.log(JSON.stringify(pairs.flat()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
