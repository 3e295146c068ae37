import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import type { RecordedStep } from '@pedigree/recording';
import {
  decommissionSchema,
  packSchema,
  receiveSchema,
  recordedStepSchema,
  shipSchema,
  ssccSchema,
  undoSchema,
  unlockSchema,
  unpackSchema,
  type DecommissionDto,
  type PackDto,
  type ReceiveDto,
  type ShipDto,
  type UndoDto,
  type UnlockDto,
  type UnpackDto,
} from './dto/steps.dto';
import { StepsService } from './steps.service';
import { ApiDoc, PACK_RULE_ERRORS } from '../openapi/api-doc.decorator';

/** Who handles goods: regulators and the platform admin watch, they do not move packs. */
const MOVERS = ['manufacturer', 'distributor', 'pharmacy'] as const;

/**
 * Aggregation, shipping, receiving and decommissioning: each request records one EPCIS event, or
 * nothing.
 */
@Controller()
export class StepsController {
  constructor(private readonly steps: StepsService) {}

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Pack items into a case or pallet (SSCC)',
    description: 'Packs, or cases into a pallet. One EPCIS AggregationEvent, or nothing.',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: [...PACK_RULE_ERRORS, 'CONFLICT'],
  })
  @Post('containers')
  pack(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: packSchema }) body: PackDto,
  ): Promise<RecordedStep> {
    return this.steps.pack(organisation, body);
  }

  @ApiDoc({
    summary: 'The direct contents of a case or pallet',
    returns: 'The contents, as Digital Links',
  })
  @Get('containers/:sscc')
  async contents(
    @Param('sscc', { schema: ssccSchema }) sscc: string,
  ): Promise<{ sscc: string; contents: string[] }> {
    return { sscc, contents: await this.steps.contents(sscc) };
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Unpack a case or pallet (all of it, or the items named)',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: PACK_RULE_ERRORS,
  })
  @Post('containers/:sscc/unpack')
  unpack(
    @CurrentOrganisation() organisation: Organisation,
    @Param('sscc', { schema: ssccSchema }) sscc: string,
    @Body({ schema: unpackSchema }) body: UnpackDto,
  ): Promise<RecordedStep> {
    return this.steps.unpack(organisation, sscc, body);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Ship items from one of your sites to another site',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: PACK_RULE_ERRORS,
  })
  @Post('shipments')
  ship(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: shipSchema }) body: ShipDto,
  ): Promise<RecordedStep> {
    return this.steps.ship(organisation, body);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary:
      'Decommission packs: dispense, destroy, report stolen, sample, free sample, export, check out',
    description: 'The rules of EU Delegated Regulation 2016/161 (docs/pack-lifecycle.md).',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: PACK_RULE_ERRORS,
  })
  @Post('decommissions')
  decommission(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: decommissionSchema }) body: DecommissionDto,
  ): Promise<RecordedStep> {
    return this.steps.decommission(organisation, body);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Undo a decommission within 10 days, by the same organisation',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: PACK_RULE_ERRORS,
  })
  @Post('decommissions/undo')
  undo(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: undoSchema }) body: UndoDto,
  ): Promise<RecordedStep> {
    return this.steps.undo(organisation, body);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Release packs your site locked',
    description:
      'A locked pack (`POST /decommissions` with `action: lock`) is set aside pending an investigation; only the site holding it releases it. It is active again, or expired if it expired meanwhile.',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: PACK_RULE_ERRORS,
  })
  @Post('decommissions/unlock')
  unlock(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: unlockSchema }) body: UnlockDto,
  ): Promise<RecordedStep> {
    return this.steps.unlock(organisation, body);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Receive items shipped to one of your sites',
    returns: 'The recorded event',
    schema: recordedStepSchema,
    errors: PACK_RULE_ERRORS,
  })
  @Post('receipts')
  receive(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: receiveSchema }) body: ReceiveDto,
  ): Promise<RecordedStep> {
    return this.steps.receive(organisation, body);
  }
}
