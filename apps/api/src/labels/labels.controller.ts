/**
 * Labels for the packaging line: one pack's QR code (its GS1 Digital Link) or GS1 DataMatrix (its
 * element string) as SVG or PNG, and a batch's print-ready A4 label sheet. docs/labels.md.
 */
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { gtinSchema, lotSchema, serialSchema } from '../catalogue/dto/catalogue.dto';
import { ApiDoc } from '../openapi/api-doc.decorator';
import {
  sheetQuerySchema,
  symbolQuerySchema,
  type SheetQuery,
  type SymbolQuery,
} from './dto/labels.dto';
import { LabelsService } from './labels.service';

@Controller()
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Roles('manufacturer', 'regulator', 'admin')
  @ApiDoc({
    summary: "A pack's QR code or GS1 DataMatrix, as SVG or PNG",
    description:
      '`symbol=qr` carries the GS1 Digital Link at the public URL (PEDIGREE_PUBLIC_URL); ' +
      '`symbol=datamatrix` the element string (01)(17)(10)(21). `format` is svg (default) or png. ' +
      'For its manufacturer, regulators and the admin.',
    returns: 'The image',
    produces: ['image/svg+xml', 'image/png'],
  })
  @Get('packs/:gtin/:serial/label')
  async symbol(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('serial', { schema: serialSchema }) serial: string,
    @Query({ schema: symbolQuerySchema }) query: SymbolQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Uint8Array> {
    const file = await this.labels.symbol(organisation, gtin, serial, query, request);
    void reply.headers(file.headers);
    return file.body;
  }

  @Roles('manufacturer', 'regulator')
  @ApiDoc({
    summary: "A print-ready A4 sheet of the batch's labels",
    description:
      'HTML: 24 labels of 70 × 36 mm a page, each with the DataMatrix, the QR code and GTIN, ' +
      'LOT, EXP and SN. `from` (default 0) is the first serial in commissioning order, `limit` ' +
      '(1 to 500, default 500) how many.',
    returns: 'The label sheet (HTML)',
    produces: ['text/html'],
  })
  @Get('products/:gtin/batches/:lot/labels')
  async sheet(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('lot', { schema: lotSchema }) lot: string,
    @Query({ schema: sheetQuerySchema }) query: SheetQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Uint8Array> {
    const file = await this.labels.sheet(organisation, gtin, lot, query, request);
    void reply.headers(file.headers);
    return file.body;
  }
}
