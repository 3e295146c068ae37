import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import type { Organisation, Site } from '@pedigree/persistence';
import { CurrentOrganisation } from '../auth/auth.decorators';
import {
  createSiteSchema,
  glnSchema,
  updateSiteSchema,
  type CreateSiteDto,
  type UpdateSiteDto,
} from './dto/site.dto';
import { SitesService } from './sites.service';

@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  create(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: createSiteSchema }) body: CreateSiteDto,
  ): Promise<Site> {
    return this.sites.create(organisation, body);
  }

  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<Site[]> {
    return this.sites.list(organisation);
  }

  @Get(':gln')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gln', { schema: glnSchema }) gln: string,
  ): Promise<Site> {
    return this.sites.get(organisation, gln);
  }

  @Patch(':gln')
  update(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gln', { schema: glnSchema }) gln: string,
    @Body({ schema: updateSiteSchema }) body: UpdateSiteDto,
  ): Promise<Site> {
    return this.sites.update(organisation, gln, body);
  }
}
