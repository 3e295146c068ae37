/** One pack as its manufacturer, its current holder or a regulator sees it: state and history. */
import { Injectable } from '@nestjs/common';
import { judgedState, type PackState } from '@pedigree/domain';
import {
  EventRepository,
  PackRepository,
  SiteRepository,
  type Organisation,
  type PackRecord,
} from '@pedigree/persistence';
import { oversees } from '../auth/oversees';
import { ApiException } from '../errors/api.exception';
import { Clock, toView } from '@pedigree/recording';

export interface PackHistory {
  gtin: string;
  serial: string;
  lot: string;
  expiry: string;
  /** The state the rules judge it in now (a recall or expiry shows at once). */
  state: PackState;
  custodyGln: string | null;
  inTransitToGln: string | null;
  containerSscc: string | null;
  events: Array<{ id: string; action: string; recordedAt: Date; leafIndex: string | null }>;
}

@Injectable()
export class PacksService {
  constructor(
    private readonly packs: PackRepository,
    private readonly events: EventRepository,
    private readonly sites: SiteRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The pack, for its manufacturer, regulators and the admin: those who may fetch its labels. A
   * holder is not among them: it did not make the pack.
   * @throws ApiException NOT_FOUND when there is no such pack the caller may see, as `history`
   */
  async ofMaker(organisation: Organisation, gtin: string, serial: string): Promise<PackRecord> {
    const pack = await this.packs.find(gtin, serial);
    if (!pack || !(oversees(organisation) || pack.productOwnerId === organisation.id)) {
      throw unseen(gtin, serial);
    }
    return pack;
  }

  /** @throws ApiException NOT_FOUND when there is no such pack the caller may see */
  async history(organisation: Organisation, gtin: string, serial: string): Promise<PackHistory> {
    const pack = await this.packs.find(gtin, serial);
    const [custody, transit] = await Promise.all(
      [pack?.custodySiteId, pack?.inTransitTo].map((id) =>
        id ? this.sites.findById(id) : undefined,
      ),
    );
    const maySee =
      pack &&
      (oversees(organisation) ||
        pack.productOwnerId === organisation.id ||
        custody?.organisationId === organisation.id ||
        transit?.organisationId === organisation.id);
    if (!pack || !maySee) throw unseen(gtin, serial);
    const events = await this.events.listForPack(pack.id);
    return {
      gtin,
      serial,
      lot: pack.lot,
      expiry: pack.expiry,
      state: judgedState(toView(pack), this.clock.now()),
      custodyGln: custody?.gln ?? null,
      inTransitToGln: transit?.gln ?? null,
      containerSscc: pack.containerSscc,
      events: events.map(({ id, action, recordedAt, leafIndex }) => ({
        id,
        action,
        recordedAt,
        leafIndex,
      })),
    };
  }
}

/** The same answer for a pack that does not exist and one the caller may not see. */
function unseen(gtin: string, serial: string): ApiException {
  return new ApiException(
    'NOT_FOUND',
    `No pack with GTIN ${gtin} and serial ${serial} that your organisation may see.`,
  );
}
