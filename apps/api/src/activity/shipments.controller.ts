/**
 * `GET /shipments`: shipments as scanned at your organisation's sites, per site and day, and the
 * packs shipped to you that have not arrived (the web console's distributor screen,
 * docs/console.md). `POST /shipments` records a shipment (events/steps.controller.ts).
 */
import { Controller, Get, Query } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { MAX_WINDOW_DAYS } from './dto/activity.dto';
import {
  AWAITED_LIMIT,
  DEFAULT_SHIPMENT_DAYS,
  shipmentsQuerySchema,
  shipmentsSchema,
  type Shipments,
  type ShipmentsQuery,
} from './dto/shipments.dto';
import { ShipmentsService } from './shipments.service';

@Controller('shipments')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @ApiDoc({
    summary:
      'What left and arrived at your sites per day, and what was shipped to you and never arrived',
    description: `For each of your sites and each day of the window \`[from, to)\` (by default the ${DEFAULT_SHIPMENT_DAYS} days before now; at most ${MAX_WINDOW_DAYS} days), counted in \`timeZone\` (an IANA zone such as \`Europe/Berlin\`; UTC by default), the shipping and receiving events recorded there (by HTTP, EPCIS capture or scanners) and the packs they moved. And every pack shipped to one of your sites that has not been received, longest awaited first (at most ${AWAITED_LIMIT}, with their total), with where and when it was last shipped from.`,
    returns: 'The days and the awaited packs',
    schema: shipmentsSchema,
  })
  @Get()
  list(
    @CurrentOrganisation() organisation: Organisation,
    @Query({ schema: shipmentsQuerySchema }) query: ShipmentsQuery,
  ): Promise<Shipments> {
    return this.shipments.ofOrganisation(organisation, query);
  }
}
