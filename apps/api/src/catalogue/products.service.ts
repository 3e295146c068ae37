/** A manufacturer's catalogue: products (GTIN) and their batches (lot, expiry, quantity). */
import { Injectable } from '@nestjs/common';
import { isDecommissioned, judgedState, PACK_STATES, type PackState } from '@pedigree/domain';
import type { Organisation } from '@pedigree/persistence';
import { PackRepository, ProductRepository, type Batch, type Product } from '@pedigree/persistence';
import { Clock } from '@pedigree/recording';
import { oversees } from '../auth/oversees';
import { ApiException } from '../errors/api.exception';
import type { CreateBatchDto, CreateProductDto } from './dto/catalogue.dto';

@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductRepository,
    private readonly packs: PackRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws ApiException CONFLICT when the GTIN is registered already. */
  async create(organisation: Organisation, product: CreateProductDto): Promise<Product> {
    const created = await this.products.insert({
      organisationId: organisation.id,
      ...product,
      nationalCode: product.nationalCode ?? null,
    });
    if (!created) {
      throw new ApiException(
        'CONFLICT',
        `GTIN ${product.gtin} is already registered. A GTIN names one product: check the number.`,
      );
    }
    return created;
  }

  /** Regulators and admins see every product; others their own. */
  list(organisation: Organisation): Promise<Product[]> {
    return this.products.list(oversees(organisation) ? undefined : organisation.id);
  }

  /** @throws ApiException NOT_FOUND */
  async get(gtin: string): Promise<Product> {
    const product = await this.products.findByGtin(gtin);
    if (!product) {
      throw new ApiException('NOT_FOUND', `No product with GTIN ${gtin} is registered.`);
    }
    return product;
  }

  /**
   * The product, if the caller may manage it: its manufacturer, or (with `regulator`) a regulator.
   * @throws ApiException NOT_FOUND, FORBIDDEN
   */
  async manageable(
    organisation: Organisation,
    gtin: string,
    options: { regulator?: boolean } = {},
  ): Promise<Product> {
    const product = await this.get(gtin);
    const allowed =
      product.organisationId === organisation.id ||
      (options.regulator === true && organisation.roles.includes('regulator'));
    if (!allowed) {
      throw new ApiException(
        'FORBIDDEN',
        `GTIN ${gtin} belongs to another manufacturer: only it${options.regulator ? ' or a regulator' : ''} may do this.`,
      );
    }
    return product;
  }

  /** @throws ApiException CONFLICT when the product has this lot already */
  async createBatch(
    organisation: Organisation,
    gtin: string,
    batch: CreateBatchDto,
  ): Promise<Batch> {
    const product = await this.manageable(organisation, gtin);
    const created = await this.products.insertBatch({ productId: product.id, ...batch });
    if (!created) {
      throw new ApiException('CONFLICT', `GTIN ${gtin} already has a batch with lot ${batch.lot}.`);
    }
    return created;
  }

  async listBatches(gtin: string): Promise<Batch[]> {
    return this.products.listBatches((await this.get(gtin)).id);
  }

  /** @throws ApiException NOT_FOUND */
  async getBatch(gtin: string, lot: string): Promise<{ product: Product; batch: Batch }> {
    const product = await this.get(gtin);
    const batch = await this.products.findBatch(product.id, lot);
    if (!batch) {
      throw new ApiException('NOT_FOUND', `GTIN ${gtin} has no batch with lot ${lot}.`);
    }
    return { product, batch };
  }

  /**
   * Each batch of the product with its packs counted by the state the rules judge them in now
   * (a recall or an expiry shows at once, as GET /packs answers), for its manufacturer and
   * regulators.
   * @throws ApiException NOT_FOUND, FORBIDDEN
   */
  async packCounts(organisation: Organisation, gtin: string): Promise<PackCounts> {
    const product = await this.manageable(organisation, gtin, { regulator: true });
    const [batches, rows] = await Promise.all([
      this.products.listBatches(product.id),
      this.packs.countByState(product.id),
    ]);
    const now = this.clock.now();
    return {
      gtin,
      withdrawnAt: product.withdrawnAt,
      batches: batches.map((batch) => {
        const states = Object.fromEntries(PACK_STATES.map((state) => [state, 0])) as Record<
          PackState,
          number
        >;
        let packs = 0;
        let live = 0;
        let inTransit = 0;
        for (const row of rows.filter((r) => r.batchId === batch.id)) {
          const judged = judgedState(
            {
              state: row.state as PackState,
              custodySiteId: null,
              inTransitTo: null,
              containerSscc: null,
              expiry: batch.expiry,
              batchRecalled: batch.recalledAt !== null,
              productWithdrawn: product.withdrawnAt !== null,
              lastDecommission: null,
            },
            now,
          );
          states[judged] += row.packs;
          packs += row.packs;
          if (!isDecommissioned(row.state as PackState)) live += row.packs;
          inTransit += row.inTransit;
        }
        return {
          lot: batch.lot,
          expiry: batch.expiry,
          quantity: batch.quantity,
          recalledAt: batch.recalledAt,
          packs,
          live,
          inTransit,
          states,
        };
      }),
    };
  }
}

/** GET /products/:gtin/pack-counts */
export interface PackCounts {
  gtin: string;
  withdrawnAt: Date | null;
  batches: Array<{
    lot: string;
    expiry: string;
    quantity: number;
    recalledAt: Date | null;
    /** Packs commissioned so far. */
    packs: number;
    /** Of them, not decommissioned (dispensed, destroyed, exported, ...): still in the supply chain. */
    live: number;
    /** Of them, on their way between sites. */
    inTransit: number;
    /** Packs by the state the rules judge them in now; every state, 0 when none. */
    states: Record<PackState, number>;
  }>;
}
