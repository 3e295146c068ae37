/**
 * The world a simulated fleet works in, made through the platform's HTTP API with an admin key,
 * as real organisations would: a manufacturer with a plant, a wholesaler with a warehouse, a few
 * pharmacies; one product and batch, its packs commissioned, packed into cases and the cases onto
 * pallets at the plant; and an enrolled scanner at each site (keys made here, as
 * `pedigree scanner enrol` does on a device).
 */
import { randomGln, randomGtin, randomSscc } from '@pedigree/gs1';
import { toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { randomBytes, randomInt } from 'node:crypto';

export interface WorldShape {
  /** Packs commissioned (and dispensed by the end of a run, but those left on the shelf). */
  packs: number;
  /** Packs per case. */
  caseSize: number;
  /** Cases per pallet. */
  palletSize: number;
  pharmacies: number;
}

/** Who the organisations are and where their sites stand: names and places a person reads. */
export interface WorldCast {
  maker: CastMember;
  wholesaler: CastMember;
  /** Used in turn for the pharmacies the shape asks for. */
  pharmacies: CastMember[];
  product: { name: string; form: string; strength: string; packSize: number };
  lotPrefix: string;
}

export interface CastMember {
  name: string;
  site: string;
  address: string;
  city: string;
  country: string;
}

/** The simulation's own cast: numbered names, every site in Lyon. */
const FLEET_CAST: WorldCast = {
  maker: member('Fleet maker', 'plant'),
  wholesaler: member('Fleet wholesaler', 'warehouse'),
  pharmacies: [member('Fleet pharmacy', 'counter')],
  product: { name: 'Simulated tablets', form: 'tablet', strength: '10 mg', packSize: 30 },
  lotPrefix: 'FLEET',
};

function member(name: string, site: string): CastMember {
  return { name, site, address: '1 Simulation Road', city: 'Lyon', country: 'FR' };
}

export interface SimulatedDevice {
  id: string;
  seed: Uint8Array;
  siteGln: string;
}

export interface Pallet {
  sscc: string;
  cases: Array<{ sscc: string; packs: string[] }>;
}

export interface World {
  gtin: string;
  lot: string;
  /** The API keys of the organisations, for whatever follows the run (a recall, a look). */
  keys: { maker: string; wholesaler: string; pharmacies: string[] };
  /** The manufacturer's site. */
  plantGln: string;
  plant: SimulatedDevice;
  warehouse: SimulatedDevice;
  pharmacies: SimulatedDevice[];
  pallets: Pallet[];
}

/** Codes per HTTP request when packing (the API takes up to 10,000). */
const PACKING_CONCURRENCY = 8;
const COMMISSION_CHUNK = 100_000;

/**
 * Builds the world on the platform at `api`.
 * @throws Error naming the request that failed and the platform's answer
 */
export async function buildWorld(
  api: string,
  adminKey: string,
  shape: WorldShape,
  cast: WorldCast = FLEET_CAST,
): Promise<World> {
  const call = platformClient(api);
  const organisation = async (who: CastMember, name: string, role: string) => {
    const created = await call<{ apiKey: { key: string } }>('POST', '/organisations', adminKey, {
      name,
      roles: [role],
    });
    const key = created.apiKey.key;
    const gln = randomGln();
    const { site, address, city, country } = who;
    await call('POST', '/sites', key, { gln, name: site, address, city, country });
    return { key, gln };
  };
  const enrol = async (key: string, siteGln: string, name: string): Promise<SimulatedDevice> => {
    const seed = new Uint8Array(randomBytes(32));
    const publicKey = toBase64(nodeCryptoBackend.publicKeyFromSeed(seed));
    const device = await call<{ id: string }>('POST', '/devices', key, {
      name,
      siteGln,
      publicKey,
    });
    return { id: device.id, seed, siteGln };
  };

  // A tag tells this world's organisations and lot from earlier runs' on the same platform.
  const tag = randomInt(1e6).toString().padStart(6, '0');
  const maker = await organisation(cast.maker, `${cast.maker.name} ${tag}`, 'manufacturer');
  const wholesaler = await organisation(
    cast.wholesaler,
    `${cast.wholesaler.name} ${tag}`,
    'distributor',
  );
  const chemists = [];
  for (let i = 0; i < shape.pharmacies; i++) {
    const who = cast.pharmacies[i % cast.pharmacies.length]!;
    chemists.push(await organisation(who, `${who.name} ${tag}-${i + 1}`, 'pharmacy'));
  }

  const gtin = randomGtin();
  const lot = `${cast.lotPrefix}-${tag}`;
  await call('POST', '/products', maker.key, { gtin, ...cast.product });
  await call('POST', `/products/${gtin}/batches`, maker.key, {
    lot,
    expiry: '351200',
    quantity: shape.packs,
  });
  for (let done = 0; done < shape.packs; done += COMMISSION_CHUNK) {
    await call('POST', `/products/${gtin}/batches/${lot}/serials`, maker.key, {
      count: Math.min(COMMISSION_CHUNK, shape.packs - done),
      siteGln: maker.gln,
    });
  }
  const serials = await call<Array<{ elementString: string }>>(
    'GET',
    `/products/${gtin}/batches/${lot}/serials`,
    maker.key,
  );

  const pallets: Pallet[] = [];
  const cases: Pallet['cases'] = [];
  for (let at = 0; at < serials.length; at += shape.caseSize) {
    cases.push({
      sscc: randomSscc(),
      packs: serials.slice(at, at + shape.caseSize).map((s) => s.elementString),
    });
  }
  for (let at = 0; at < cases.length; at += shape.palletSize) {
    pallets.push({ sscc: randomSscc(), cases: cases.slice(at, at + shape.palletSize) });
  }
  const pack = (sscc: string, items: string[]) =>
    call('POST', '/containers', maker.key, { sscc, siteGln: maker.gln, items });
  await inParallel(cases, PACKING_CONCURRENCY, (c) => pack(c.sscc, c.packs));
  await inParallel(pallets, PACKING_CONCURRENCY, (p) =>
    pack(
      p.sscc,
      p.cases.map((c) => `(00)${c.sscc}`),
    ),
  );

  return {
    gtin,
    lot,
    keys: { maker: maker.key, wholesaler: wholesaler.key, pharmacies: chemists.map((c) => c.key) },
    plantGln: maker.gln,
    plant: await enrol(maker.key, maker.gln, 'Fleet dock'),
    warehouse: await enrol(wholesaler.key, wholesaler.gln, 'Fleet warehouse'),
    pharmacies: await Promise.all(
      chemists.map((c, i) => enrol(c.key, c.gln, `Fleet counter ${i + 1}`)),
    ),
    pallets,
  };
}

/**
 * Calls the platform's API with a key; the answer's JSON, or an Error naming the request and the
 * platform's answer.
 */
export function platformClient(api: string) {
  return async function call<T = unknown>(
    method: string,
    path: string,
    key: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return JSON.parse(text) as T;
  };
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
