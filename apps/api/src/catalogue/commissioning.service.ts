/**
 * Commissioning: new random serials for a batch, recorded as EPCIS ObjectEvents (ADD,
 * commissioning, with lot and expiry in `ilmd`) of at most 1,000 serials each, so that one pack's
 * proof (its event's bytes plus the Merkle path) stays under 64 KiB. Writes are batched: a request
 * of 100,000 serials is a handful of statements.
 */
import { Injectable } from '@nestjs/common';
import { buildDigitalLink, toBracketed, toElementString } from '@pedigree/gs1';
import type { Organisation } from '@pedigree/persistence';
import { PackRepository } from '@pedigree/persistence';
import type { CommissionDto } from './dto/catalogue.dto';
import { EventRecorder } from '@pedigree/recording';
import { SitesService } from '../sites/sites.service';
import { ProductsService } from './products.service';
import { SerialSource } from './serial-source';

export interface CommissionResult {
  gtin: string;
  lot: string;
  count: number;
  /** The commissioning events, first to last (1,000 serials each at most). */
  eventIds: string[];
  /** Where the serials are listed (JSON, or CSV with Accept: text/csv). */
  serials: string;
}

/** One serial as the packaging line prints it. */
export interface PackLabel {
  serial: string;
  /** GS1 element string with GS separators, as a GS1 DataMatrix carries it. */
  elementString: string;
  /** The same data in the bracketed human-readable form, for label software. */
  aiData: string;
  digitalLink: string;
}

@Injectable()
export class CommissioningService {
  constructor(
    private readonly products: ProductsService,
    private readonly sites: SitesService,
    private readonly packs: PackRepository,
    private readonly recorder: EventRecorder,
    private readonly serials: SerialSource,
  ) {}

  /**
   * @throws ApiException FORBIDDEN (not the caller's product), NOT_FOUND (batch, site), CONFLICT
   *   (more than the batch quantity), RECALLED or EXPIRED (the batch can take no new packs)
   */
  async commission(
    organisation: Organisation,
    gtin: string,
    lot: string,
    request: CommissionDto,
  ): Promise<CommissionResult> {
    await this.products.manageable(organisation, gtin);
    const { product, batch } = await this.products.getBatch(gtin, lot);
    const site = await this.sites.own(organisation, request.siteGln);
    const eventIds = await this.recorder.commission({
      organisation,
      site,
      product,
      batch,
      serials: (count) => this.serials.draw(count),
      count: request.count,
    });
    return {
      gtin,
      lot,
      count: request.count,
      eventIds,
      serials: `/products/${gtin}/batches/${encodeURIComponent(lot)}/serials`,
    };
  }

  /**
   * The batch's serials with their GS1 data, for the packaging line: every one, or `limit` of them
   * after the first `offset` in commissioning order. `base` is where the Digital Links point
   * (id.gs1.org, GS1's resolver, unless given).
   * @throws ApiException NOT_FOUND (product, batch), FORBIDDEN (another manufacturer's product)
   */
  async labels(
    organisation: Organisation,
    gtin: string,
    lot: string,
    options: { base?: string; page?: { offset: number; limit: number } } = {},
  ): Promise<PackLabel[]> {
    await this.products.manageable(organisation, gtin, { regulator: true });
    const { batch } = await this.products.getBatch(gtin, lot);
    return (await this.packs.listSerials(batch.id, options.page)).map((serial) =>
      packLabel({ gtin, expiry: batch.expiry, lot, serial }, options.base),
    );
  }
}

/**
 * One pack's GS1 data: AIs (01), (17), (10) and (21), what EU packs carry, as an element string,
 * in brackets, and as a Digital Link on `base`. The values were checked when the product, batch
 * and serial were recorded, so they are not validated again.
 */
export function packLabel(
  pack: { gtin: string; expiry: string; lot: string; serial: string },
  base?: string,
): PackLabel {
  const ais = [
    { ai: '01', value: pack.gtin },
    { ai: '17', value: pack.expiry },
    { ai: '10', value: pack.lot },
    { ai: '21', value: pack.serial },
  ];
  return {
    serial: pack.serial,
    elementString: toElementString(ais, { validate: false }),
    aiData: toBracketed(ais, { validate: false }),
    digitalLink: buildDigitalLink(ais, base, { validate: false }),
  };
}
