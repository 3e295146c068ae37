import { Controller, Get, Param } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { gtinSchema, serialSchema } from './dto/catalogue.dto';
import { PacksService, type PackHistory } from './packs.service';
import { ApiDoc } from '../openapi/api-doc.decorator';

@Controller('packs')
export class PacksController {
  constructor(private readonly packs: PacksService) {}

  @ApiDoc({
    summary: "A pack's state, custody and events",
    description:
      'For its manufacturer, its holder (or the site it is on its way to) and regulators.',
    returns: 'The pack: lot, expiry, state, custody and its events with their leaf indexes',
  })
  @Get(':gtin/:serial')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('serial', { schema: serialSchema }) serial: string,
  ): Promise<PackHistory> {
    return this.packs.history(organisation, gtin, serial);
  }
}
