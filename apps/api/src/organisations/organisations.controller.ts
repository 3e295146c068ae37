import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { z } from 'zod';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import {
  createOrganisationSchema,
  type CreateOrganisationDto,
} from './dto/create-organisation.dto';
import { OrganisationsService } from './organisations.service';
import { ApiDoc } from '../openapi/api-doc.decorator';

const companyPrefixesSchema = z.strictObject({
  prefixes: z
    .array(
      z.string().regex(/^\d{6,12}$/, {
        error: 'each prefix must be the 6 to 12 digits of a GS1 Company Prefix, e.g. 0614141',
      }),
      { error: 'prefixes must be a list of your GS1 Company Prefixes' },
    )
    .max(100, { error: 'at most 100 prefixes' }),
});

const uuid = z.uuid({
  error: 'the id must be a UUID such as 0b8f2e4c-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
});

@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Roles('admin')
  @ApiDoc({
    summary: 'Create an organisation with its roles',
    returns: 'The organisation and its first API key, shown this once',
  })
  @Post()
  create(@Body({ schema: createOrganisationSchema }) body: CreateOrganisationDto) {
    return this.organisations.create(body);
  }

  @Roles('admin', 'regulator')
  @ApiDoc({ summary: 'Every organisation', returns: 'The organisations' })
  @Get()
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }

  @ApiDoc({ summary: 'Your own organisation', returns: 'The organisation' })
  @Get('me')
  me(@CurrentOrganisation() organisation: Organisation): Organisation {
    return organisation;
  }

  @ApiDoc({
    summary: "Your organisation's GS1 Company Prefixes",
    returns: '`{prefixes}`',
  })
  @Get('me/company-prefixes')
  async companyPrefixes(
    @CurrentOrganisation() organisation: Organisation,
  ): Promise<{ prefixes: string[] }> {
    return { prefixes: await this.organisations.companyPrefixes(organisation) };
  }

  @ApiDoc({
    summary: "Set your organisation's GS1 Company Prefixes",
    description:
      'They let the EPCIS API write your identifiers as EPC URNs (`GS1-EPC-Format: Always_EPC_URN`), which split a key after its company prefix. The list replaces the previous one. A prefix another organisation holds, or one that overlaps it, is refused with 409.',
    returns: '`{prefixes}`',
    errors: ['CONFLICT'],
  })
  @Put('me/company-prefixes')
  async setCompanyPrefixes(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: companyPrefixesSchema }) body: { prefixes: string[] },
  ): Promise<{ prefixes: string[] }> {
    return { prefixes: await this.organisations.setCompanyPrefixes(organisation, body.prefixes) };
  }

  @Roles('admin', 'regulator')
  @ApiDoc({ summary: 'One organisation', returns: 'The organisation' })
  @Get(':id')
  get(@Param('id', { schema: uuid }) id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }
}
