import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Batch, Organisation, Product } from '@pedigree/persistence';
import type { FastifyReply } from 'fastify';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { CommissioningService, type CommissionResult } from './commissioning.service';
import {
  commissionSchema,
  createBatchSchema,
  createProductSchema,
  gtinSchema,
  lotSchema,
  reasonSchema,
  type CommissionDto,
  type CreateBatchDto,
  type CreateProductDto,
} from './dto/catalogue.dto';
import { ProductsService } from './products.service';
import { RecallService } from './recall.service';

@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly commissioning: CommissioningService,
    private readonly recalls: RecallService,
  ) {}

  @Roles('manufacturer')
  @Post()
  create(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: createProductSchema }) body: CreateProductDto,
  ): Promise<Product> {
    return this.products.create(organisation, body);
  }

  /** The caller's products (regulators and admins: every product). */
  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<Product[]> {
    return this.products.list(organisation);
  }

  @Get(':gtin')
  get(@Param('gtin', { schema: gtinSchema }) gtin: string): Promise<Product> {
    return this.products.get(gtin);
  }

  /** Withdraws the product from the market: irreversible; every pack of it reads RECALLED. */
  @Roles('manufacturer', 'regulator')
  @Post(':gtin/withdraw')
  withdraw(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Body({ schema: reasonSchema }) body: { reason: string },
  ): Promise<Product> {
    return this.recalls.withdraw(organisation, gtin, body.reason);
  }

  @Roles('manufacturer')
  @Post(':gtin/batches')
  createBatch(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Body({ schema: createBatchSchema }) body: CreateBatchDto,
  ): Promise<Batch> {
    return this.products.createBatch(organisation, gtin, body);
  }

  @Get(':gtin/batches')
  listBatches(@Param('gtin', { schema: gtinSchema }) gtin: string): Promise<Batch[]> {
    return this.products.listBatches(gtin);
  }

  @Get(':gtin/batches/:lot')
  async getBatch(
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
  ): Promise<Batch> {
    return (await this.products.getBatch(gtin, lot)).batch;
  }

  /** Commissions `count` new random serials at one of the caller's sites. */
  @Roles('manufacturer')
  @Post(':gtin/batches/:lot/serials')
  commission(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
    @Body({ schema: commissionSchema }) body: CommissionDto,
  ): Promise<CommissionResult> {
    return this.commissioning.commission(organisation, gtin, lot, body);
  }

  /**
   * The batch's serials for the packaging line: JSON, or CSV (`serial,ai_data,digital_link`)
   * when the request accepts text/csv.
   */
  @Roles('manufacturer', 'regulator')
  @Get(':gtin/batches/:lot/serials')
  async serials(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const labels = await this.commissioning.labels(organisation, gtin, lot);
    if (!String(reply.request.headers.accept ?? '').includes('text/csv')) return labels;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${gtin}-${lot}.csv"`);
    return [
      'serial,ai_data,digital_link',
      ...labels.map((l) => `${csv(l.serial)},${csv(l.aiData)},${csv(l.digitalLink)}`),
    ].join('\r\n');
  }

  /** Recalls the batch: irreversible; every pack of it reads RECALLED. */
  @Roles('manufacturer', 'regulator')
  @Post(':gtin/batches/:lot/recall')
  recall(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
    @Body({ schema: reasonSchema }) body: { reason: string },
  ): Promise<Batch> {
    return this.recalls.recallBatch(organisation, gtin, lot, body.reason);
  }
}

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
