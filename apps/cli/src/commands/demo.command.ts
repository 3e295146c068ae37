/**
 * `pedigree demo`: a small consortium with names and places a person reads (a manufacturer in
 * Lyon, a wholesaler in Hamburg, pharmacies in Paris and Milan), one product and batch, scanners
 * at every site, and a short journey scanned through the broker: pallet out and in, cases out and
 * in, most packs dispensed. A second batch is recalled. Then it prints the consumer links of a
 * genuine, a dispensed, a recalled and an unknown pack, the genuine one's QR code, and the keys.
 *
 * With `--api` it seeds a platform that is already running (its admin key needed). Without, it
 * starts the platform as `pedigree start` does and keeps it running for the links to be opened.
 */
import { loadConfig } from '@pedigree/config';
import { buildDigitalLink, parseElementString } from '@pedigree/gs1';
import { Fleet, buildWorld, platformClient, type WorldCast } from '@pedigree/scanner';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toString as qrText } from 'qrcode';
import { APP_NAMES } from '../platform/platform.module';
import { startPlatform, type RunningPlatform } from '../platform/platform';
import type { Io } from './io';

export const DEMO_USAGE = `usage: pedigree demo [--api URL --admin-key KEY] [--mqtt URL]
  without --api: starts the platform (as pedigree start) and keeps it running
  --api URL        a running platform's API, e.g. http://127.0.0.1:3000
  --admin-key KEY  its admin API key (printed at its first start); default PEDIGREE_ADMIN_KEY
  --mqtt URL       its broker; default MQTT_URL, else the embedded broker's port`;

const DEMO_CAST: WorldCast = {
  maker: {
    name: 'Rhône Pharma',
    site: 'Lyon plant',
    address: '12 Rue des Usines',
    city: 'Lyon',
    country: 'FR',
  },
  wholesaler: {
    name: 'Hanse Wholesale',
    site: 'Hamburg warehouse',
    address: 'Am Hafen 4',
    city: 'Hamburg',
    country: 'DE',
  },
  pharmacies: [
    {
      name: 'Pharmacie du Marais',
      site: 'Counter',
      address: '3 Rue des Archives',
      city: 'Paris',
      country: 'FR',
    },
    {
      name: 'Farmacia Centrale',
      site: 'Counter',
      address: 'Via Dante 7',
      city: 'Milan',
      country: 'IT',
    },
  ],
  product: { name: 'Amoxicillin 500 mg', form: 'capsule', strength: '500 mg', packSize: 21 },
  lotPrefix: 'DEMO',
};

/** One pallet of four cases of three packs; one pack of each case stays on the shelf. */
const SHAPE = { packs: 12, caseSize: 3, palletSize: 4, pharmacies: 2 };
const SEALED_WITHIN_MS = 30_000;

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      api: { type: 'string' },
      'admin-key': { type: 'string' },
      mqtt: { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  let adminKey = values['admin-key'] ?? config.PEDIGREE_ADMIN_KEY;
  if (values.api && !adminKey) {
    io.err(
      `pedigree demo: --admin-key must be the admin API key of the platform at ${values.api} (printed at its first start).\n${DEMO_USAGE}`,
    );
    return 2;
  }
  let platform: RunningPlatform | undefined;
  const stopRequested = new Promise<void>((request) => {
    process.on('SIGINT', () => request());
    process.on('SIGTERM', () => request());
  });
  if (!values.api) {
    adminKey ??= `pdg_${randomBytes(32).toString('base64url')}`;
    io.err('Starting the platform...');
    // Warnings and errors only: the demo's own lines are what the reader is after.
    platform = await startPlatform(APP_NAMES, {
      ...config,
      PEDIGREE_ADMIN_KEY: adminKey,
      LOG_LEVEL: 'warn',
    });
  }
  try {
    const api = values.api ?? platform!.url;
    const mqtt =
      values.mqtt ??
      platform?.mqttUrl ??
      config.MQTT_URL ??
      `mqtt://127.0.0.1:${config.PEDIGREE_EMBEDDED_MQTT_PORT}`;
    await seedAndShow(api, mqtt, adminKey!, config.PEDIGREE_PUBLIC_URL ?? api, io);
    if (!platform) return 0;
    io.out(`\nThe platform keeps running at ${api} for these links. Press Ctrl-C to stop.`);
    await stopRequested;
    return 0;
  } finally {
    await platform?.stop();
  }
}

async function seedAndShow(api: string, mqtt: string, adminKey: string, base: string, io: Io) {
  io.err(`Seeding a demo consortium on ${api}...`);
  const world = await buildWorld(api, adminKey, SHAPE, DEMO_CAST);
  const call = platformClient(api);
  const fleet = await Fleet.connect(world, {
    connection: async () => ({ url: mqtt }),
    perEnvelope: 1,
    keepPerCase: 1,
    outboxDir: await mkdtemp(join(tmpdir(), 'pedigree-demo-')),
  });
  io.err(`Scanning the journey through the broker at ${mqtt}...`);
  const journey = await fleet.run().finally(() => fleet.close());
  if (journey.rejected > 0) {
    throw new Error(
      `${journey.rejected} scan(s) of the journey were refused: ${JSON.stringify(journey.rejections)}`,
    );
  }

  const maker = world.keys.maker;
  const recalledLot = `${world.lot}-R`;
  await call('POST', `/products/${world.gtin}/batches`, maker, {
    lot: recalledLot,
    expiry: '351200',
    quantity: 1,
  });
  await call('POST', `/products/${world.gtin}/batches/${recalledLot}/serials`, maker, {
    count: 1,
    siteGln: world.plantGln,
  });
  await call('POST', `/products/${world.gtin}/batches/${recalledLot}/recall`, maker, {
    reason: 'Demo: capsules may contain a foreign particle',
  });
  const [recalled] = await call<Array<{ elementString: string }>>(
    'GET',
    `/products/${world.gtin}/batches/${recalledLot}/serials`,
    maker,
  );

  const firstCase = world.pallets[0]!.cases[0]!.packs;
  const link = (elementString: string) => buildDigitalLink(parseElementString(elementString), base);
  const genuine = link(firstCase[0]!);
  const dispensed = link(firstCase[1]!);
  const unknown = genuine.replace(/\/21\/[^?]+/, '/21/NEVER-ISSUED');
  await waitUntilSealed(call, maker, world.gtin, [firstCase[0]!, firstCase[1]!]);

  const cities = [DEMO_CAST.maker, DEMO_CAST.wholesaler, ...DEMO_CAST.pharmacies]
    .map((m) => `${m.name} (${m.city})`)
    .join(', ');
  io.out(
    [
      `Demo consortium: ${cities}.`,
      `Product ${DEMO_CAST.product.name}, GTIN ${world.gtin}, batch ${world.lot} (${SHAPE.packs} packs); batch ${recalledLot} recalled.`,
      `Journey through the broker: ${journey.accepted} scans accepted in ${(journey.elapsedMs / 1_000).toFixed(1)} s, all sealed into the chain.`,
      '',
      'Consumer pages (what the QR code on each pack opens):',
      `  genuine, on the shelf   ${genuine}`,
      `  already dispensed       ${dispensed}`,
      `  recalled batch          ${link(recalled!.elementString)}`,
      `  unknown serial          ${unknown}`,
      '',
      "The genuine pack's QR code:",
      await qrText(genuine, { type: 'terminal', small: true }),
      `API keys, to go on with the API (documented at ${api}/docs):`,
      `  manufacturer  ${maker}`,
      `  wholesaler    ${world.keys.wholesaler}`,
      `  pharmacies    ${world.keys.pharmacies.join('  ')}`,
      `  admin         ${adminKey}`,
    ].join('\n'),
  );
}

/** Waits until every event of the packs is sealed, so their pages show a checked proof. */
async function waitUntilSealed(
  call: ReturnType<typeof platformClient>,
  key: string,
  gtin: string,
  elementStrings: string[],
): Promise<void> {
  const deadline = Date.now() + SEALED_WITHIN_MS;
  for (const elementString of elementStrings) {
    const serial = parseElementString(elementString).find((ai) => ai.ai === '21')!.value;
    for (;;) {
      const pack = await call<{ events: Array<{ leafIndex: string | null }> }>(
        'GET',
        `/packs/${gtin}/${encodeURIComponent(serial)}`,
        key,
      );
      if (pack.events.every((event) => event.leafIndex !== null)) break;
      if (Date.now() > deadline) {
        throw new Error(
          `the events of pack ${serial} were not sealed within ${SEALED_WITHIN_MS / 1_000} s: is the sealer running?`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
