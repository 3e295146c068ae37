/**
 * The scanner messages the ingest refused as a whole (docs/protocol.md, "Quarantine"): each with
 * its reason, a sentence naming what was wrong, and its raw bytes, so the organisation can fix
 * the scanner and nothing a scanner sent is lost. An organisation sees the messages on its own
 * devices' topics; regulators and the platform admin see all, including those of unknown devices.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { QUARANTINE_REASONS } from '@pedigree/contracts';
import { ScanInboxRepository, type Organisation, type QuarantineRow } from '@pedigree/persistence';
import { z } from 'zod';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { oversees } from '../auth/oversees';
import { newestFirstPage } from '../newest-first-page';
import { ApiDoc } from '../openapi/api-doc.decorator';

export const quarantineQuerySchema = z.strictObject({
  reason: z
    .enum(QUARANTINE_REASONS, { error: `reason must be one of ${QUARANTINE_REASONS.join(', ')}` })
    .optional(),
  device: z
    .uuid({ error: 'device must be a device id (a UUID), as listed by GET /devices' })
    .optional(),
  ...newestFirstPage('a quarantined message'),
});

export type QuarantineQuery = z.infer<typeof quarantineQuerySchema>;

@Controller('quarantine')
export class QuarantineController {
  constructor(private readonly inbox: ScanInboxRepository) {}

  @ApiDoc({
    summary: 'Scanner messages the ingest refused, newest first',
    description:
      'Each with its reason and raw bytes. Page back with `before` = the last id of the previous page. Your own devices; regulators and the admin see all.',
    returns: 'The quarantined messages',
  })
  @Get()
  list(
    @CurrentOrganisation() organisation: Organisation,
    @Query({ schema: quarantineQuerySchema }) query: QuarantineQuery,
  ): Promise<QuarantineRow[]> {
    return this.inbox.listQuarantine({
      organisationId: oversees(organisation) ? null : organisation.id,
      reason: query.reason,
      deviceId: query.device,
      before: query.before,
      limit: query.limit,
    });
  }
}
