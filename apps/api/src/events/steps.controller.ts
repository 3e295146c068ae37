import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import type { RecordedStep } from '@pedigree/recording';
import {
  decommissionSchema,
  packSchema,
  receiveSchema,
  shipSchema,
  ssccSchema,
  undoSchema,
  unpackSchema,
  type DecommissionDto,
  type PackDto,
  type ReceiveDto,
  type ShipDto,
  type UndoDto,
  type UnpackDto,
} from './dto/steps.dto';
import { StepsService } from './steps.service';

/** Who handles goods: regulators and the platform admin watch, they do not move packs. */
const MOVERS = ['manufacturer', 'distributor', 'pharmacy'] as const;

/**
 * Aggregation, shipping, receiving and decommissioning: each request records one EPCIS event, or
 * nothing.
 */
@Controller()
export class StepsController {
  constructor(private readonly steps: StepsService) {}

  /** Packs the items (packs, or cases into a pallet) into the container `sscc`. */
  @Roles(...MOVERS)
  @Post('containers')
  pack(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: packSchema }) body: PackDto,
  ): Promise<RecordedStep> {
    return this.steps.pack(organisation, body);
  }

  /** The direct contents of a case or pallet, as Digital Links. */
  @Get('containers/:sscc')
  async contents(
    @Param('sscc', { schema: ssccSchema }) sscc: string,
  ): Promise<{ sscc: string; contents: string[] }> {
    return { sscc, contents: await this.steps.contents(sscc) };
  }

  @Roles(...MOVERS)
  @Post('containers/:sscc/unpack')
  unpack(
    @CurrentOrganisation() organisation: Organisation,
    @Param('sscc', { schema: ssccSchema }) sscc: string,
    @Body({ schema: unpackSchema }) body: UnpackDto,
  ): Promise<RecordedStep> {
    return this.steps.unpack(organisation, sscc, body);
  }

  @Roles(...MOVERS)
  @Post('shipments')
  ship(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: shipSchema }) body: ShipDto,
  ): Promise<RecordedStep> {
    return this.steps.ship(organisation, body);
  }

  /** Dispensed at a pharmacy, or destroyed, stolen, sample, free sample, exported, checked out. */
  @Roles(...MOVERS)
  @Post('decommissions')
  decommission(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: decommissionSchema }) body: DecommissionDto,
  ): Promise<RecordedStep> {
    return this.steps.decommission(organisation, body);
  }

  @Roles(...MOVERS)
  @Post('decommissions/undo')
  undo(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: undoSchema }) body: UndoDto,
  ): Promise<RecordedStep> {
    return this.steps.undo(organisation, body);
  }

  @Roles(...MOVERS)
  @Post('receipts')
  receive(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: receiveSchema }) body: ReceiveDto,
  ): Promise<RecordedStep> {
    return this.steps.receive(organisation, body);
  }
}
