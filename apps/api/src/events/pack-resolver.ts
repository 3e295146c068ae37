/**
 * Finds and locks the packs a step names: packs by GTIN and serial (cross-checking a lot or
 * expiry read from the pack), and with `nested` every pack inside the cases and pallets named.
 * Unknown ones are refused with UNKNOWN_PRODUCT or UNKNOWN_SERIAL.
 */
import { Injectable } from '@nestjs/common';
import { PackRepository, ProductRepository, type PackRecord } from '@pedigree/persistence';
import type { EntityManager } from 'typeorm';
import type { RefusedItem } from '../errors/api.exception';
import { containerCodes, refuseIfAny, type ItemRef } from './item-code';

@Injectable()
export class PackResolver {
  constructor(
    private readonly packs: PackRepository,
    private readonly products: ProductRepository,
  ) {}

  /**
   * The packs the items name, each with the code it was named by (null for a pack reached inside
   * a case or pallet); with `nested`, every pack inside the containers named.
   */
  async resolve(
    items: readonly ItemRef[],
    nested: boolean,
    tx: EntityManager,
  ): Promise<Array<{ item: string | null; record: PackRecord }>> {
    const packRefs = items.filter((i) => i.kind === 'pack');
    const found = await this.packs.lockByIdentity(packRefs, tx);
    const byIdentity = new Map(found.map((p) => [`${p.gtin}/${p.serial}`, p]));
    const refused: RefusedItem[] = [];
    const resolved: Array<{ item: string | null; record: PackRecord }> = [];
    for (const ref of packRefs) {
      const record = byIdentity.get(`${ref.gtin}/${ref.serial}`);
      if (!record) refused.push(await this.unknown(ref, tx));
      else if (ref.lot !== undefined && ref.lot !== record.lot) {
        refused.push({
          item: ref.code,
          code: 'BATCH_MISMATCH',
          reason: `the pack says lot ${ref.lot}; its serial was commissioned in lot ${record.lot}`,
        });
      } else if (ref.expiry !== undefined && ref.expiry !== record.expiry) {
        refused.push({
          item: ref.code,
          code: 'EXPIRY_MISMATCH',
          reason: `the pack says expiry ${ref.expiry}; its batch expires ${record.expiry}`,
        });
      } else resolved.push({ item: ref.code, record });
    }
    const ssccs = containerCodes(items);
    if (ssccs.length > 0) {
      const known = new Set((await this.packs.findContainers(ssccs, tx)).map((c) => c.sscc));
      for (const sscc of ssccs.filter((s) => !known.has(s))) {
        refused.push({
          item: sscc,
          code: 'UNKNOWN_SERIAL',
          reason: `no case or pallet with SSCC ${sscc} was packed on the platform`,
        });
      }
      if (nested) {
        const inside = await this.packs.lockInContainers(ssccs, tx);
        resolved.push(...inside.map((record) => ({ item: null, record })));
      }
    }
    refuseIfAny(refused);
    return resolved;
  }

  private async unknown(
    ref: Extract<ItemRef, { kind: 'pack' }>,
    tx: EntityManager,
  ): Promise<RefusedItem> {
    const product = await this.products.findByGtin(ref.gtin, tx);
    return product
      ? {
          item: ref.code,
          code: 'UNKNOWN_SERIAL',
          reason: `GTIN ${ref.gtin} has no pack with serial ${ref.serial}`,
        }
      : {
          item: ref.code,
          code: 'UNKNOWN_PRODUCT',
          reason: `no product with GTIN ${ref.gtin} is registered`,
        };
  }
}
