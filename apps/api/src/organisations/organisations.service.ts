/** Creating organisations with their first key, and reading them. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganisationRepository, type Organisation } from '@pedigree/persistence';
import { DataSource } from 'typeorm';
import { ApiKeyService, type IssuedApiKey } from '../auth/api-key.service';
import { ApiException } from '../errors/api.exception';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationRepository,
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
}
