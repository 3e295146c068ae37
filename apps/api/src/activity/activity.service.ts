/**
 * What an organisation did at one of its sites over a window, a pharmacy counter's day: the
 * verifications it asked for, the decommissionings and reverts it recorded (by HTTP or its
 * scanners) and the alerts those raised. Read-only; each list newest first, at most
 * ACTIVITY_LIMIT rows.
 */
import { Injectable } from '@nestjs/common';
import { parseDigitalLink, type Gs1Ai } from '@pedigree/gs1';
import {
  SiteActivityRepository,
  type DecommissionEvent,
  type Organisation,
  type PackLabel,
} from '@pedigree/persistence';
import { Clock } from '@pedigree/recording';
import { ApiException } from '../errors/api.exception';
import { SitesService } from '../sites/sites.service';
import {
  ACTIVITY_LIMIT,
  MAX_WINDOW_DAYS,
  type Activity,
  type ActivityQuery,
} from './dto/activity.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class ActivityService {
  constructor(
    private readonly sites: SitesService,
    private readonly activity: SiteActivityRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * @throws ApiException NOT_FOUND unless the site is the caller's (regulators and the admin: any)
   * @throws ApiException VALIDATION when the window is empty or wider than MAX_WINDOW_DAYS
   */
  async ofSite(organisation: Organisation, gln: string, query: ActivityQuery): Promise<Activity> {
    const site = await this.sites.get(organisation, gln);
    const to = query.to ?? this.clock.now();
    const from = query.from ?? new Date(to.getTime() - DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw new ApiException(
        'VALIDATION',
        `from must be before to, and at most ${MAX_WINDOW_DAYS} days before it: ask for a day at a time.`,
      );
    }
    const window = {
      organisationId: site.organisationId,
      siteId: site.id,
      from,
      to,
      limit: ACTIVITY_LIMIT,
    };
    const [verifications, events, alerts] = await Promise.all([
      this.activity.verifications(window),
      this.activity.decommissions(window),
      this.activity.alerts(window),
    ]);
    return {
      site: { gln: site.gln, name: site.name },
      from: from.toISOString(),
      to: to.toISOString(),
      verifications: verifications.map((v) => ({ ...v, at: v.at.toISOString() })),
      decommissions: await this.decommissionRows(events),
      alerts: alerts.map((a) => ({ ...a, at: a.at.toISOString() })),
    };
  }

  /** One row per item each event names, with the pack's product and batch. */
  private async decommissionRows(events: DecommissionEvent[]): Promise<Activity['decommissions']> {
    const items = events
      .flatMap((event) => event.epcs.map((epc) => ({ event, epc, ...identify(epc) })))
      .slice(0, ACTIVITY_LIMIT);
    const packs = items.flatMap((i) =>
      i.gtin && i.serial ? [{ gtin: i.gtin, serial: i.serial }] : [],
    );
    const labels = await this.activity.packLabels(packs);
    let next = 0;
    return items.map((item) => {
      const label: PackLabel =
        item.gtin && item.serial
          ? labels[next++]
          : { gtin: null, serial: null, product: null, lot: null, expiry: null };
      return {
        eventId: item.event.eventId,
        at: item.event.at.toISOString(),
        action: item.event.action,
        item: item.epc,
        sscc: item.sscc,
        ...label,
      };
    });
  }
}

/** The GTIN and serial, or the SSCC, a Digital Link names; nulls for anything else. */
function identify(epc: string): {
  gtin: string | null;
  serial: string | null;
  sscc: string | null;
} {
  let ais: Gs1Ai[];
  try {
    ais = parseDigitalLink(epc, { validate: false }).ais;
  } catch {
    return { gtin: null, serial: null, sscc: null };
  }
  const value = (ai: string) => ais.find((a) => a.ai === ai)?.value ?? null;
  return { gtin: value('01'), serial: value('21'), sscc: value('00') };
}
