/** A manufacturer's catalogue: products (GTIN) and their batches (lot, expiry, quantity). */
import { Injectable } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { ProductRepository, type Batch, type Product } from '@pedigree/persistence';
import { oversees } from '../auth/oversees';
import { ApiException } from '../errors/api.exception';
import type { CreateBatchDto, CreateProductDto } from './dto/catalogue.dto';

@Injectable()
export class ProductsService {
  constructor(private readonly products: ProductRepository) {}

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
}
