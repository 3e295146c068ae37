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
import { ApiDoc } from '../openapi/api-doc.decorator';
import { SitesService } from './sites.service';

@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @ApiDoc({
    summary: 'Register a site (GLN) with its address',
    description: 'The city and country are what the consumer page shows of the journey.',
    returns: 'The site',
    errors: ['CONFLICT'],
  })
  @Post()
  create(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: createSiteSchema }) body: CreateSiteDto,
  ): Promise<Site> {
    return this.sites.create(organisation, body);
  }

  @ApiDoc({ summary: "Your organisation's sites", returns: 'The sites' })
  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<Site[]> {
    return this.sites.list(organisation);
  }

  @ApiDoc({ summary: 'One of your sites', returns: 'The site' })
  @Get(':gln')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gln', { schema: glnSchema }) gln: string,
  ): Promise<Site> {
    return this.sites.get(organisation, gln);
  }

  @ApiDoc({ summary: "Change a site's name or address", returns: 'The site' })
  @Patch(':gln')
  update(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gln', { schema: glnSchema }) gln: string,
    @Body({ schema: updateSiteSchema }) body: UpdateSiteDto,
  ): Promise<Site> {
    return this.sites.update(organisation, gln, body);
  }
}
