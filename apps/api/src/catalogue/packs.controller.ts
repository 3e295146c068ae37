import { Controller, Get, Param } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { z } from 'zod';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { gtinSchema } from './dto/catalogue.dto';
import { PacksService, type PackHistory } from './packs.service';

const serialSchema = z.string().regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/, {
  error: 'serial must be 1 to 20 GS1 characters, as AI (21) allows',
});

@Controller('packs')
export class PacksController {
  constructor(private readonly packs: PacksService) {}

  /** A pack's state, custody and events, for its manufacturer, its holder and regulators. */
  @Get(':gtin/:serial')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gtin', { schema: gtinSchema }) gtin: string,
    @Param('serial', { schema: serialSchema }) serial: string,
  ): Promise<PackHistory> {
    return this.packs.history(organisation, gtin, serial);
  }
}
