/**
 * The supply-chain steps over HTTP: pack into and unpack from cases and pallets, ship, receive.
 * Each turns the request into a PackStep for the event recorder; the rules live there.
 */
import { Injectable } from '@nestjs/common';
import { PackRepository, type Organisation } from '@pedigree/persistence';
import { containerUri, packUri } from '@pedigree/domain';
import {
  EventRecorder,
  parseItems,
  refuseIfAny,
  type ItemRef,
  type PackStep,
  type RecordedStep,
} from '@pedigree/recording';
import { ApiException } from '../errors/api.exception';
import { SitesService } from '../sites/sites.service';
import type {
  DecommissionDto,
  PackDto,
  ReceiveDto,
  ShipDto,
  UndoDto,
  UnlockDto,
  UnpackDto,
} from './dto/steps.dto';

@Injectable()
export class StepsService {
  constructor(
    private readonly sites: SitesService,
    private readonly recorder: EventRecorder,
    private readonly packs: PackRepository,
  ) {}

  async pack(organisation: Organisation, request: PackDto): Promise<RecordedStep> {
    return this.step(organisation, request.siteGln, 'pack', request.items, {
      containerSscc: request.sscc,
    });
  }

  /** Takes the given items, or everything directly inside, out of the case or pallet. */
  async unpack(
    organisation: Organisation,
    sscc: string,
    request: UnpackDto,
  ): Promise<RecordedStep> {
    const codes = request.items ?? (await this.contents(sscc));
    if (codes.length === 0) {
      throw new ApiException(
        'NOT_FOUND',
        `Container ${sscc} is empty or was never packed: there is nothing to unpack.`,
      );
    }
    return this.step(organisation, request.siteGln, 'unpack', codes, { containerSscc: sscc });
  }

  async ship(organisation: Organisation, request: ShipDto): Promise<RecordedStep> {
    const destination = await this.sites.any(request.destinationGln);
    return this.step(organisation, request.siteGln, 'ship', request.items, { destination });
  }

  async receive(organisation: Organisation, request: ReceiveDto): Promise<RecordedStep> {
    return this.step(organisation, request.siteGln, 'receive', request.items, {});
  }

  /** Takes packs out of the supply chain at the site: dispensed, destroyed, stolen, ... */
  async decommission(organisation: Organisation, request: DecommissionDto): Promise<RecordedStep> {
    return this.step(organisation, request.siteGln, request.action, request.items, {});
  }

  /**
   * Reverts a decommissioning, within 10 days, by the organisation and at the site that made it
   * (Art. 13); the pack is active again.
   */
  async undo(organisation: Organisation, request: UndoDto): Promise<RecordedStep> {
    return this.step(organisation, request.siteGln, 'undo', request.items, {});
  }

  /** Releases packs the site locked: active again (or expired, if they expired meanwhile). */
  async unlock(organisation: Organisation, request: UnlockDto): Promise<RecordedStep> {
    return this.step(organisation, request.siteGln, 'unlock', request.items, {});
  }

  /** The direct contents of a container as Digital Links. */
  async contents(sscc: string): Promise<string[]> {
    const { packs, containers } = await this.packs.contents(sscc);
    return [...packs.map((p) => packUri(p.gtin, p.serial)), ...containers.map(containerUri)];
  }

  private async step(
    organisation: Organisation,
    siteGln: string,
    action: PackStep['action'],
    codes: readonly string[],
    extra: Pick<PackStep, 'destination' | 'containerSscc'>,
  ): Promise<RecordedStep> {
    const site = await this.sites.own(organisation, siteGln);
    const { items, refused } = parseItems(codes);
    refuseIfAny(refused);
    return this.recorder.record({
      organisation,
      site,
      action,
      items: items as ItemRef[],
      ...extra,
    });
  }
}
