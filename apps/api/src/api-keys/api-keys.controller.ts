/** An organisation's own API keys: issue another, list them (never the secret), revoke one. */
import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import type { ApiKey, Organisation } from '@pedigree/persistence';
import { z } from 'zod';
import { ApiKeyService, type IssuedApiKey } from '../auth/api-key.service';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';

const createKeySchema = z.strictObject({
  label: z
    .string({ error: 'label must say what the key is for, e.g. "ERP integration"' })
    .trim()
    .min(1, { error: 'label must not be empty' })
    .max(100, { error: 'label must be at most 100 characters' }),
});
const uuid = z.uuid({ error: 'the key id must be a UUID, as listed by GET /api-keys' });

@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @ApiDoc({
    summary: 'Issue another API key for your organisation',
    returns: 'The key: its secret is in `key`, shown this once',
  })
  @Post()
  issue(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: createKeySchema }) body: z.infer<typeof createKeySchema>,
  ): Promise<IssuedApiKey> {
    return this.apiKeys.issue(organisation.id, body.label);
  }

  @ApiDoc({
    summary: "Your organisation's API keys (never the secret)",
    returns: 'The keys, with label, public id, last use and revocation',
  })
  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<ApiKey[]> {
    return this.apiKeys.list(organisation.id);
  }

  @ApiDoc({
    summary: 'Revoke one of your API keys',
    description: 'Revoked at once: the next request with that key is refused.',
    returns: 'The revoked key',
  })
  @Delete(':id')
  revoke(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: uuid }) id: string,
  ): Promise<ApiKey> {
    return this.apiKeys.revoke(organisation.id, id);
  }
}
