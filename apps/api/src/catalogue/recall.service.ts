/** Batch recall and product withdrawal, by the manufacturer or a regulator: irreversible. */
import { Injectable } from '@nestjs/common';
import type { Batch, Organisation, Product } from '@pedigree/persistence';
import { EventRecorder } from '@pedigree/recording';
import { ProductsService } from './products.service';

@Injectable()
export class RecallService {
  constructor(
    private readonly products: ProductsService,
    private readonly recorder: EventRecorder,
  ) {}

  /** Recalls the batch (again: nothing changes) and returns it as it now stands. */
  async recallBatch(
    organisation: Organisation,
    gtin: string,
    lot: string,
    reason: string,
  ): Promise<Batch> {
    const product = await this.products.manageable(organisation, gtin, { regulator: true });
    const { batch } = await this.products.getBatch(gtin, lot);
    await this.recorder.recall({ organisation, product, batch, reason });
    return (await this.products.getBatch(gtin, lot)).batch;
  }

  /** Withdraws the product (again: nothing changes) and returns it as it now stands. */
  async withdraw(organisation: Organisation, gtin: string, reason: string): Promise<Product> {
    const product = await this.products.manageable(organisation, gtin, { regulator: true });
    await this.recorder.recall({ organisation, product, reason });
    return this.products.get(gtin);
  }
}
