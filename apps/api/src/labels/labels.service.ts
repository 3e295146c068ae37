/**
 * A pack's label symbols and a batch's label sheet. The QR code's Digital Link points at this
 * platform's public URL (PEDIGREE_PUBLIC_URL, or the origin the request came to), where the
 * consumer page answers it; the DataMatrix carries the same AIs as an element string.
 */
import { Injectable } from '@nestjs/common';
import { MEDIA_TYPES, dataMatrix, labelSheet, qrCode } from '@pedigree/labels';
import type { Organisation } from '@pedigree/persistence';
import { Clock } from '@pedigree/recording';
import type { FastifyRequest } from 'fastify';
import { CommissioningService, packLabel } from '../catalogue/commissioning.service';
import { PacksService } from '../catalogue/packs.service';
import { ApiException } from '../errors/api.exception';
import { PublicUrl } from '../public-url';
import type { SheetQuery, SymbolQuery } from './dto/labels.dto';

/** What a label route answers: the bytes or text, and the headers that say what they are. */
export interface LabelFile {
  headers: Record<string, string>;
  body: string | Uint8Array;
}

@Injectable()
export class LabelsService {
  constructor(
    private readonly packs: PacksService,
    private readonly commissioning: CommissioningService,
    private readonly publicUrl: PublicUrl,
    private readonly clock: Clock,
  ) {}

  /**
   * One pack's QR code or DataMatrix, as SVG or PNG.
   * @throws ApiException NOT_FOUND when there is no such pack the caller may see
   */
  async symbol(
    organisation: Organisation,
    gtin: string,
    serial: string,
    query: SymbolQuery,
    request: FastifyRequest,
  ): Promise<LabelFile> {
    const pack = await this.packs.ofMaker(organisation, gtin, serial);
    const label = packLabel(pack, this.publicUrl.base(request));
    return {
      headers: { 'content-type': MEDIA_TYPES[query.format], 'x-content-type-options': 'nosniff' },
      body:
        query.symbol === 'qr'
          ? await qrCode(label.digitalLink, query.format)
          : await dataMatrix(label.elementString, query.format),
    };
  }

  /**
   * A print-ready HTML sheet of `limit` labels of the batch from the `from`th serial (0 is the
   * first) in commissioning order.
   * @throws ApiException NOT_FOUND (product, batch, or no serials yet), FORBIDDEN (another
   *   manufacturer's product), VALIDATION (`from` past the last serial)
   */
  async sheet(
    organisation: Organisation,
    gtin: string,
    lot: string,
    query: SheetQuery,
    request: FastifyRequest,
  ): Promise<LabelFile> {
    const labels = await this.commissioning.labels(organisation, gtin, lot, {
      base: this.publicUrl.base(request),
      page: { offset: query.from, limit: query.limit },
    });
    if (labels.length === 0) throw emptyRange(gtin, lot, query.from);
    const title = `GTIN ${gtin}, lot ${lot}: labels ${query.from + 1} to ${query.from + labels.length}`;
    return {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        // The sheet is markup and inline styles only: nothing in it may load or run anything.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      },
      body: await labelSheet(labels, { title, now: this.clock.now() }),
    };
  }
}

function emptyRange(gtin: string, lot: string, from: number): ApiException {
  return from === 0
    ? new ApiException(
        'NOT_FOUND',
        `GTIN ${gtin} lot ${lot} has no serials yet: commission them first ` +
          `(POST /products/${gtin}/batches/${encodeURIComponent(lot)}/serials).`,
      )
    : new ApiException(
        'VALIDATION',
        `GTIN ${gtin} lot ${lot} has ${from} serials or fewer, so none from ${from}: ` +
          'ask for a lower from (0 is the first serial).',
      );
}
