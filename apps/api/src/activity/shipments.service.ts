/**
 * Shipments as scanned, for the organisation's sites (docs/console.md, the distributor's screen):
 * per site and day (in the time zone asked for, UTC by default) what left and what arrived, by
 * HTTP, EPCIS capture or scanners alike, and the packs shipped to its sites that have not arrived.
 */
import { Injectable } from '@nestjs/common';
import { ShipmentRepository, type Organisation } from '@pedigree/persistence';
import { Clock } from '@pedigree/recording';
import { ApiException } from '../errors/api.exception';
import {
  AWAITED_LIMIT,
  DEFAULT_SHIPMENT_DAYS,
  type Shipments,
  type ShipmentsQuery,
} from './dto/shipments.dto';
import { MAX_WINDOW_DAYS } from './dto/activity.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class ShipmentsService {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws ApiException VALIDATION when the window is empty or wider than MAX_WINDOW_DAYS */
  async ofOrganisation(organisation: Organisation, query: ShipmentsQuery): Promise<Shipments> {
    const to = query.to ?? this.clock.now();
    const from = query.from ?? new Date(to.getTime() - DEFAULT_SHIPMENT_DAYS * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw new ApiException(
        'VALIDATION',
        `from must be before to, and at most ${MAX_WINDOW_DAYS} days before it: ask for a month at a time.`,
      );
    }
    const [rows, awaited] = await Promise.all([
      this.shipments.days(organisation.id, from, to, query.timeZone),
      this.shipments.awaited(organisation.id, AWAITED_LIMIT),
    ]);
    const days = new Map<string, Shipments['days'][number]>();
    for (const row of rows) {
      const key = `${row.day} ${row.siteGln}`;
      const day = days.get(key) ?? {
        day: row.day,
        site: { gln: row.siteGln, name: row.siteName },
        left: { shipments: 0, packs: 0 },
        arrived: { shipments: 0, packs: 0 },
      };
      day[row.action === 'ship' ? 'left' : 'arrived'] = { shipments: row.events, packs: row.packs };
      days.set(key, day);
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: query.timeZone,
      days: [...days.values()],
      awaited: {
        total: awaited.total,
        packs: awaited.packs.map((pack) => ({
          ...pack,
          shippedAt: pack.shippedAt?.toISOString() ?? null,
        })),
      },
    };
  }
}
