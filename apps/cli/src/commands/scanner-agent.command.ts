/**
 * The scanner agent (docs/scanner.md): `pedigree scanner run` on a device with a keyboard-wedge
 * scanner, `pedigree scanner fleet` to simulate many. Loaded only when one of them runs, so the
 * other commands start without MQTT.
 */
import { SCAN_STEPS, isDeviceId, type ScanStep } from '@pedigree/contracts';
import { isValidGln } from '@pedigree/gs1';
import { fromBase64 } from '@pedigree/ledger';
import {
  DeviceLink,
  Fleet,
  GS_SUBSTITUTE,
  buildWorld,
  describeVerdict,
  wedgeLine,
  type FleetProgress,
} from '@pedigree/scanner';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Io } from './io';
import type { ScannerKeyFile } from './scanner.command';

/** The embedded broker and API of `npm start`. */
const DEFAULT_MQTT = 'mqtt://127.0.0.1:18830';
const DEFAULT_API = 'http://127.0.0.1:3000';

export const RUN_USAGE = `usage: pedigree scanner run --device ID --site GLN --step STEP [--destination GLN]
       [--shipment REF] [--key FILE] [--mqtt URL] [--ca FILE] [--outbox DIR] [--gs TEXT]
       [--wait SECONDS]`;
export const FLEET_USAGE = `usage: pedigree scanner fleet --admin-key KEY [--api URL] [--mqtt URL] [--packs N]
       [--case-size N] [--pallet-size N] [--pharmacies N] [--per-envelope N] [--rate N]
       [--outbox DIR]`;

/**
 * Reads one scan per line from standard input, sends each in its own envelope, prints each
 * verdict in plain words. Exits 0 once every scan has its verdict; 1 when some are still waiting
 * `--wait` seconds after the input ended (they stay in the outbox and go at the next run).
 */
export async function runScanner(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      device: { type: 'string' },
      site: { type: 'string' },
      step: { type: 'string' },
      destination: { type: 'string' },
      shipment: { type: 'string' },
      key: { type: 'string', default: 'pedigree-scanner.key' },
      mqtt: { type: 'string', default: DEFAULT_MQTT },
      ca: { type: 'string' },
      outbox: { type: 'string' },
      gs: { type: 'string', default: GS_SUBSTITUTE },
      wait: { type: 'string', default: '30' },
    },
    strict: true,
  });
  const problems: string[] = [];
  if (!isDeviceId(values.device)) {
    problems.push('--device must be the id POST /devices gave this scanner (a lower-case UUID)');
  }
  if (!values.site || !isValidGln(values.site)) {
    problems.push("--site must be the GLN of the scanner's site (13 digits with check digit)");
  }
  if (!SCAN_STEPS.includes(values.step as ScanStep)) {
    problems.push(`--step must be one of ${SCAN_STEPS.join(', ')}`);
  }
  if (values.step === 'shipping' && (!values.destination || !isValidGln(values.destination))) {
    problems.push("--destination must be the destination site's GLN when shipping");
  }
  const waitSeconds = Number(values.wait);
  if (!(waitSeconds >= 0 && waitSeconds <= 3_600)) {
    problems.push('--wait must be the seconds to wait for the last verdicts, 0 to 3600');
  }
  if (problems.length > 0) {
    io.err(`pedigree scanner run: ${problems.join('; ')}.\n${RUN_USAGE}`);
    return 2;
  }
  let seed: Uint8Array;
  try {
    seed = fromBase64((JSON.parse(readFileSync(values.key, 'utf8')) as ScannerKeyFile).seed);
  } catch (error) {
    io.err(
      `pedigree scanner run: cannot read the device key from ${values.key} (${(error as Error).message}): ` +
        'pass the file `pedigree scanner enrol` wrote with --key.',
    );
    return 2;
  }
  const link = await DeviceLink.open({
    url: values.mqtt,
    ca: values.ca ? readFileSync(values.ca) : undefined,
    deviceId: values.device!,
    seed,
    outboxDir: values.outbox ?? `${values.key}.outbox`,
    onEarlierVerdict: (message) =>
      io.out(`envelope ${message.seq} from an earlier run: ${describeVerdict(message, 0)}`),
  });
  const answers: Array<Promise<void>> = [];
  if (link.waiting > 0) io.out(`Sending ${link.waiting} envelope(s) kept from an earlier run.`);
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    const raw = wedgeLine(line, values.gs);
    if (raw === null) continue;
    const verdict = link.send([
      {
        raw,
        at: new Date().toISOString(),
        step: values.step as ScanStep,
        site: values.site!,
        ...(values.destination && { destination: values.destination }),
        ...(values.shipment && { shipment: values.shipment }),
      },
    ]);
    answers.push(
      verdict.then((message) => io.out(`${printable(raw)}  ${describeVerdict(message, 0)}`)),
    );
  }
  // The input ended: wait for the last verdicts, also those of envelopes from an earlier run.
  await Promise.race([Promise.all(answers), sleep(waitSeconds * 1_000, undefined, { ref: false })]);
  for (const until = Date.now() + waitSeconds * 1_000; link.waiting > 0 && Date.now() < until;) {
    await sleep(50);
  }
  const waiting = link.waiting;
  await link.close();
  if (waiting > 0) {
    io.err(
      `${waiting} envelope(s) have no verdict yet; they are kept in the outbox and sent again at the next run.`,
    );
    return 1;
  }
  return 0;
}

/**
 * Builds a world on a running platform and drives a simulated fleet through it, with a live
 * progress line on standard error and a summary on standard output.
 */
export async function runFleet(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'admin-key': { type: 'string' },
      api: { type: 'string', default: DEFAULT_API },
      mqtt: { type: 'string', default: DEFAULT_MQTT },
      packs: { type: 'string', default: '10000' },
      'case-size': { type: 'string', default: '50' },
      'pallet-size': { type: 'string', default: '20' },
      pharmacies: { type: 'string', default: '8' },
      'per-envelope': { type: 'string', default: '50' },
      rate: { type: 'string' },
      outbox: { type: 'string' },
    },
    strict: true,
  });
  const number = (name: string, min: number, max: number): number | string => {
    const text = values[name as keyof typeof values] as string | undefined;
    const value = Number(text);
    return Number.isInteger(value) && value >= min && value <= max
      ? value
      : `--${name} must be a whole number from ${min} to ${max}`;
  };
  const shape = {
    packs: number('packs', 1, 1_000_000),
    caseSize: number('case-size', 1, 1_000),
    palletSize: number('pallet-size', 1, 1_000),
    pharmacies: number('pharmacies', 1, 1_000),
  };
  const perEnvelope = number('per-envelope', 1, 500);
  const rate = values.rate === undefined ? undefined : number('rate', 1, 1_000_000);
  const problems = [...Object.values(shape), perEnvelope, rate].filter(
    (v): v is string => typeof v === 'string',
  );
  if (!values['admin-key']) problems.push('--admin-key must be the platform admin API key');
  if (problems.length > 0) {
    io.err(`pedigree scanner fleet: ${problems.join('; ')}.\n${FLEET_USAGE}`);
    return 2;
  }
  io.err(`Building the world on ${values.api}: ${shape.packs} packs...`);
  const world = await buildWorld(
    values.api,
    values['admin-key']!,
    shape as Record<keyof typeof shape, number>,
  );
  const fleet = await Fleet.connect(world, {
    connection: async () => ({ url: values.mqtt }),
    perEnvelope: perEnvelope as number,
    rate: rate as number | undefined,
    outboxDir: values.outbox ?? join(tmpdir(), `pedigree-fleet-${process.pid}`),
    onProgress: (p) => (io.status ?? io.err)(progressLine(p)),
  });
  let summary: FleetProgress;
  try {
    summary = await fleet.run();
  } finally {
    await fleet.close();
  }
  if (io.status) io.err(''); // ends the live line
  const sorted = [...summary.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  io.out(
    JSON.stringify({
      scans: summary.acknowledged,
      accepted: summary.accepted,
      rejected: summary.rejected,
      rejections: summary.rejections,
      seconds: summary.elapsedMs / 1_000,
      scansPerSecond: Math.round(summary.rate),
      verdictMs: { p50: at(0.5), p99: at(0.99) },
    }),
  );
  return summary.rejected === 0 ? 0 : 1;
}

function progressLine(p: FleetProgress): string {
  return `sent ${p.sent}, acknowledged ${p.acknowledged}, accepted ${p.accepted}, rejected ${p.rejected}, ${Math.round(p.rate)} scans/s`;
}

/** The scan as it can be shown on one line: GS as <GS>. */
function printable(raw: string): string {
  return raw.replaceAll('\u001d', GS_SUBSTITUTE);
}
