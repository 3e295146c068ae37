import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { z } from 'zod';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import {
  createOrganisationSchema,
  type CreateOrganisationDto,
} from './dto/create-organisation.dto';
import { OrganisationsService } from './organisations.service';
import { ApiDoc } from '../openapi/api-doc.decorator';

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

  @Roles('admin', 'regulator')
  @ApiDoc({ summary: 'One organisation', returns: 'The organisation' })
  @Get(':id')
  get(@Param('id', { schema: uuid }) id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }
}
