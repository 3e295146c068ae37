/** Creating organisations with their first key, reading them, and their GS1 Company Prefixes. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CompanyPrefixRepository,
  OrganisationRepository,
  type Organisation,
} from '@pedigree/persistence';
import { DataSource } from 'typeorm';
import { ApiKeyService, type IssuedApiKey } from '../auth/api-key.service';
import { ApiException } from '../errors/api.exception';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly prefixes: CompanyPrefixRepository,
    private readonly apiKeys: ApiKeyService,
  ) {}

  /** The organisation and its first API key, in one transaction. */
  async create(
    request: CreateOrganisationDto,
  ): Promise<{ organisation: Organisation; apiKey: IssuedApiKey }> {
    return this.db.transaction(async (tx) => {
      const organisation = await this.organisations.insert(request, tx);
      const apiKey = await this.apiKeys.issue(organisation.id, request.keyLabel, tx);
      return { organisation, apiKey };
    });
  }

  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }

  /** @throws ApiException NOT_FOUND */
  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) {
      throw new ApiException('NOT_FOUND', `There is no organisation with id ${id}.`);
    }
    return organisation;
  }

  companyPrefixes(organisation: Organisation): Promise<string[]> {
    return this.prefixes.listFor(organisation.id);
  }

  /** @throws ApiException CONFLICT naming another organisation's prefixes in the way */
  async setCompanyPrefixes(organisation: Organisation, prefixes: string[]): Promise<string[]> {
    const wanted = [...new Set(prefixes)].sort();
    const clashes = await this.prefixes.replaceFor(organisation.id, wanted);
    if (clashes.length > 0) {
      throw new ApiException(
        'CONFLICT',
        `Another organisation holds ${clashes.join(', ')}, which overlaps what you sent: a company prefix names one company. Check your prefixes with GS1.`,
      );
    }
    return wanted;
  }
}
