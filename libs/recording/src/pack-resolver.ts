/**
 * Finds and locks the packs items name: packs by GTIN and serial (cross-checking a lot or expiry
 * read from the pack), and with `nested` every pack inside the cases and pallets named. Unknown
 * ones are refused with UNKNOWN_PRODUCT or UNKNOWN_SERIAL. All items are looked up together, in
 * a few statements, whether they belong to one HTTP step or to a batch of scans.
 */
import { Injectable } from '@nestjs/common';
import { PackRepository, ProductRepository, type PackRecord } from '@pedigree/persistence';
import type { EntityManager } from 'typeorm';
import { containerCodes, refuseIfAny, type ItemRef } from './item-code';
import type { RefusedItem } from './recording-error';

/** A pack an item reaches: `item` is the code that named it, null for a pack inside a container. */
export interface ReachedPack {
  item: string | null;
  record: PackRecord;
}

/** What one item resolves to: the packs it reaches, or why it names nothing that exists. */
export type Resolution = { ok: true; packs: ReachedPack[] } | { ok: false; refused: RefusedItem };

@Injectable()
export class PackResolver {
  constructor(
    private readonly packs: PackRepository,
    private readonly products: ProductRepository,
  ) {}

  /**
   * The packs the items name, all or nothing; with `nested`, every pack inside the containers
   * named too.
   * @throws RecordingError when any item is refused, every refusal in `details`
   */
  async resolve(
    items: readonly ItemRef[],
    nested: boolean,
    tx: EntityManager,
  ): Promise<ReachedPack[]> {
    const each = await this.resolveEach(items, nested, tx);
    refuseIfAny(each.flatMap((r) => (r.ok ? [] : [r.refused])));
    return each.flatMap((r) => (r.ok ? r.packs : []));
  }

  /** Each item's resolution, in the order given. */
  async resolveEach(
    items: readonly ItemRef[],
    nested: boolean,
    tx: EntityManager,
  ): Promise<Resolution[]> {
    const packRefs = items.filter((i) => i.kind === 'pack');
    const found = packRefs.length > 0 ? await this.packs.lockByIdentity(packRefs, tx) : [];
    const byIdentity = new Map(found.map((p) => [`${p.gtin}/${p.serial}`, p]));
    const ssccs = [...new Set(containerCodes(items))];
    const known = new Set(
      ssccs.length > 0 ? (await this.packs.findContainers(ssccs, tx)).map((c) => c.sscc) : [],
    );
    const inside = new Map<string, ReachedPack[]>();
    if (nested && ssccs.length > 0) {
      for (const { root, record } of await this.packs.lockInContainers(ssccs, tx)) {
        const list = inside.get(root) ?? [];
        list.push({ item: null, record });
        inside.set(root, list);
      }
    }
    // One look-up tells an unknown serial of a registered product from an unknown product.
    const registered = await this.products.registeredGtins(
      [
        ...new Set(
          packRefs.filter((r) => !byIdentity.has(`${r.gtin}/${r.serial}`)).map((r) => r.gtin),
        ),
      ],
      tx,
    );
    const resolutions: Resolution[] = [];
    for (const ref of items) {
      if (ref.kind === 'container') {
        resolutions.push(
          known.has(ref.sscc)
            ? { ok: true, packs: inside.get(ref.sscc) ?? [] }
            : refusal(
                ref.code,
                'UNKNOWN_SERIAL',
                `no case or pallet with SSCC ${ref.sscc} was packed on the platform`,
              ),
        );
        continue;
      }
      const record = byIdentity.get(`${ref.gtin}/${ref.serial}`);
      if (!record) {
        resolutions.push(
          registered.has(ref.gtin)
            ? refusal(
                ref.code,
                'UNKNOWN_SERIAL',
                `GTIN ${ref.gtin} has no pack with serial ${ref.serial}`,
              )
            : refusal(
                ref.code,
                'UNKNOWN_PRODUCT',
                `no product with GTIN ${ref.gtin} is registered`,
              ),
        );
      } else if (ref.lot !== undefined && ref.lot !== record.lot) {
        resolutions.push(
          refusal(
            ref.code,
            'BATCH_MISMATCH',
            `the pack says lot ${ref.lot}; its serial was commissioned in lot ${record.lot}`,
          ),
        );
      } else if (ref.expiry !== undefined && ref.expiry !== record.expiry) {
        resolutions.push(
          refusal(
            ref.code,
            'EXPIRY_MISMATCH',
            `the pack says expiry ${ref.expiry}; its batch expires ${record.expiry}`,
          ),
        );
      } else resolutions.push({ ok: true, packs: [{ item: ref.code, record }] });
    }
    return resolutions;
  }
}

function refusal(item: string, code: RefusedItem['code'], reason: string): Resolution {
  return { ok: false, refused: { item, code, reason } };
}
