/**
 * Alerts (DESIGN.md, "Verdicts and alerts"): verdicts that point at a falsified pack or a broken
 * record, raised by verifications, scanners and HTTP steps. A manufacturer sees those on its
 * products; regulators and the platform admin see all, including those on unknown products.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ALERT_CODES } from '@pedigree/domain';
import { AlertRepository, type Alert, type Organisation } from '@pedigree/persistence';
import { z } from 'zod';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { oversees } from '../auth/oversees';
import { newestFirstPage } from '../newest-first-page';
import { ApiDoc } from '../openapi/api-doc.decorator';

const CODES = [...ALERT_CODES] as [string, ...string[]];

export const alertsQuerySchema = z.strictObject({
  code: z.enum(CODES, { error: `code must be one of ${CODES.join(', ')}` }).optional(),
  ...newestFirstPage('an alert'),
});

export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

@Roles('manufacturer', 'regulator', 'admin')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertRepository) {}

  @ApiDoc({
    summary: 'Alerts, newest first',
    description:
      'Page back with `before` = the last id of the previous page. A manufacturer sees alerts on its own products; regulators and the admin see all.',
    returns: 'The alerts: code, pack, site, time, source',
  })
  @Get()
  list(
    @CurrentOrganisation() organisation: Organisation,
    @Query({ schema: alertsQuerySchema }) query: AlertsQuery,
  ): Promise<Alert[]> {
    return this.alerts.list({
      manufacturerId: oversees(organisation) ? null : organisation.id,
      code: query.code,
      before: query.before,
      limit: query.limit,
    });
  }
}
