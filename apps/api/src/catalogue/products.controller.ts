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
import { ProductsService, type PackCounts } from './products.service';
import { RecallService } from './recall.service';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { PublicUrl } from '../public-url';

@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly commissioning: CommissioningService,
    private readonly recalls: RecallService,
    private readonly publicUrl: PublicUrl,
  ) {}

  @Roles('manufacturer')
  @ApiDoc({ summary: 'Register a product (GTIN)', returns: 'The product', errors: ['CONFLICT'] })
  @Post()
  create(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: createProductSchema }) body: CreateProductDto,
  ): Promise<Product> {
    return this.products.create(organisation, body);
  }

  @ApiDoc({
    summary: 'Your products',
    description: 'Regulators and the admin: every product.',
    returns: 'The products',
  })
  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<Product[]> {
    return this.products.list(organisation);
  }

  @ApiDoc({ summary: 'One product', returns: 'The product' })
  @Get(':gtin')
  get(@Param('gtin', { schema: gtinSchema }) gtin: string): Promise<Product> {
    return this.products.get(gtin);
  }

  @Roles('manufacturer', 'regulator')
  @ApiDoc({
    summary: 'Withdraw a product from the market',
    description: 'Irreversible: every pack of it reads RECALLED.',
    returns: 'The product, withdrawn',
  })
  @Post(':gtin/withdraw')
  withdraw(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Body({ schema: reasonSchema }) body: { reason: string },
  ): Promise<Product> {
    return this.recalls.withdraw(organisation, gtin, body.reason);
  }

  @Roles('manufacturer', 'regulator')
  @ApiDoc({
    summary: "The product's batches with their packs counted by state",
    description:
      'For each batch, oldest first: how many packs were commissioned, how many of them are not decommissioned (`live`: still in the supply chain), how many are on their way between sites, and how many are in each state as the rules judge it now (a recalled batch’s packs count as `recalled`, an expired one’s active packs as `expired`, as `GET /packs` answers). For the product’s manufacturer and regulators (docs/console.md).',
    returns: 'The batches with their counts of packs by state',
  })
  @Get(':gtin/pack-counts')
  packCounts(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
  ): Promise<PackCounts> {
    return this.products.packCounts(organisation, gtin);
  }

  @Roles('manufacturer')
  @ApiDoc({
    summary: 'Register a batch (lot, expiry, planned quantity)',
    returns: 'The batch',
    errors: ['CONFLICT'],
  })
  @Post(':gtin/batches')
  createBatch(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Body({ schema: createBatchSchema }) body: CreateBatchDto,
  ): Promise<Batch> {
    return this.products.createBatch(organisation, gtin, body);
  }

  @ApiDoc({ summary: "A product's batches", returns: 'The batches' })
  @Get(':gtin/batches')
  listBatches(@Param('gtin', { schema: gtinSchema }) gtin: string): Promise<Batch[]> {
    return this.products.listBatches(gtin);
  }

  @ApiDoc({ summary: 'One batch', returns: 'The batch' })
  @Get(':gtin/batches/:lot')
  async getBatch(
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
  ): Promise<Batch> {
    return (await this.products.getBatch(gtin, lot)).batch;
  }

  @Roles('manufacturer')
  @ApiDoc({
    summary: 'Commission new random serials at one of your sites',
    returns: 'How many were commissioned, and the commissioning event',
    errors: ['CONFLICT'],
  })
  @Post(':gtin/batches/:lot/serials')
  commission(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
    @Body({ schema: commissionSchema }) body: CommissionDto,
  ): Promise<CommissionResult> {
    return this.commissioning.commission(organisation, gtin, lot, body);
  }

  @Roles('manufacturer', 'regulator')
  @ApiDoc({
    summary: "The batch's serials for the packaging line",
    description:
      "JSON, or CSV (`serial,ai_data,digital_link`) when the request accepts text/csv. The Digital Link is the one the pack's QR code carries, at the platform's public URL.",
    returns: 'Each serial with its element string, AI data and Digital Link',
    produces: ['application/json', 'text/csv'],
  })
  @Get(':gtin/batches/:lot/serials')
  async serials(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const labels = await this.commissioning.labels(organisation, gtin, lot, {
      base: this.publicUrl.base(reply.request),
    });
    if (!String(reply.request.headers.accept ?? '').includes('text/csv')) return labels;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${gtin}-${lot}.csv"`);
    return [
      'serial,ai_data,digital_link',
      ...labels.map((l) => `${csv(l.serial)},${csv(l.aiData)},${csv(l.digitalLink)}`),
    ].join('\r\n');
  }

  @Roles('manufacturer', 'regulator')
  @ApiDoc({
    summary: 'Recall a batch',
    description: 'Irreversible: every pack of it reads RECALLED.',
    returns: 'The batch, recalled',
  })
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
