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

/** The most alerts one page lists. */
export const MAX_ALERTS_PAGE = 1_000;
const CODES = [...ALERT_CODES] as [string, ...string[]];

export const alertsQuerySchema = z.strictObject({
  code: z.enum(CODES, { error: `code must be one of ${CODES.join(', ')}` }).optional(),
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, {
      error: 'before must be an alert id, as the previous page listed',
    })
    .optional(),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, {
      error: `limit must be a whole number from 1 to ${MAX_ALERTS_PAGE}`,
    })
    .transform(Number)
    .refine((limit) => limit <= MAX_ALERTS_PAGE, {
      error: `limit must be a whole number from 1 to ${MAX_ALERTS_PAGE}`,
    })
    .optional()
    .default(100),
});

export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

@Roles('manufacturer', 'regulator', 'admin')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertRepository) {}

  /** Newest first; page back with `before` = the last id of the previous page. */
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
