/**
 * Alerts (DESIGN.md, "Verdicts and alerts"): verdicts that point at a falsified pack or a broken
 * record, raised by verifications, scanners and HTTP steps. A manufacturer sees those on its
 * products; regulators and the platform admin see all, including those on unknown products.
 * Whoever sees an alert investigates it: notes as findings come in, then a close with a reason.
 */
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ALERT_CODES } from '@pedigree/domain';
import {
  AlertRepository,
  type Alert,
  type AlertNote,
  type AlertScope,
  type Organisation,
} from '@pedigree/persistence';
import { z } from 'zod';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { oversees } from '../auth/oversees';
import { ApiException } from '../errors/api.exception';
import { newestFirstPage } from '../newest-first-page';
import { ApiDoc } from '../openapi/api-doc.decorator';

const CODES = [...ALERT_CODES] as [string, ...string[]];

export const alertsQuerySchema = z.strictObject({
  code: z.enum(CODES, { error: `code must be one of ${CODES.join(', ')}` }).optional(),
  state: z.enum(['open', 'closed'], { error: 'state must be open or closed' }).optional(),
  ...newestFirstPage('an alert'),
});
export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

const alertIdSchema = z.string().regex(/^[1-9][0-9]{0,17}$/, {
  error: 'id must be the id of an alert, as GET /alerts lists it',
});

/** What an investigator writes: a note, or the reason for closing. */
const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(4_000, { error: `${what} must be at most 4,000 characters` });
export const alertNoteSchema = z.strictObject({ text: text('text') });
export const closeAlertSchema = z.strictObject({ reason: text('reason') });

/** An alert with its investigation so far. */
export type InvestigatedAlert = Alert & { notes: AlertNote[] };

@Roles('manufacturer', 'regulator', 'admin')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertRepository) {}

  @ApiDoc({
    summary: 'Alerts, newest first',
    description:
      'Page back with `before` = the last id of the previous page; `state=open` or `closed` narrows. A manufacturer sees alerts on its own products; regulators and the admin see all.',
    returns: 'The alerts: code, pack, site, time, source, and when closed by whom and why',
  })
  @Get()
  list(
    @CurrentOrganisation() organisation: Organisation,
    @Query({ schema: alertsQuerySchema }) query: AlertsQuery,
  ): Promise<Alert[]> {
    return this.alerts.list({ ...scopeOf(organisation), ...query });
  }

  @ApiDoc({
    summary: 'One alert, with its investigation notes, oldest first',
    returns: 'The alert and its notes',
    errors: ['NOT_FOUND'],
  })
  @Get(':id')
  async get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: alertIdSchema }) id: string,
  ): Promise<InvestigatedAlert> {
    const alert = await this.seen(organisation, id);
    return { ...alert, notes: await this.alerts.notes(id) };
  }

  @ApiDoc({
    summary: 'Add an investigation note to an alert',
    description:
      'Notes are only ever added, each with its author and time; a closed alert takes notes too (a finding that comes later).',
    returns: 'The alert and all its notes',
    errors: ['NOT_FOUND'],
  })
  @Post(':id/notes')
  async note(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: alertIdSchema }) id: string,
    @Body({ schema: alertNoteSchema }) body: z.infer<typeof alertNoteSchema>,
  ): Promise<InvestigatedAlert> {
    await this.seen(organisation, id);
    await this.alerts.addNote({ alertId: id, organisationId: organisation.id, text: body.text });
    return this.get(organisation, id);
  }

  @ApiDoc({
    summary: 'Close an alert with the reason',
    description:
      'Once: the time, the organisation and the reason are kept; closing again is refused with 409.',
    returns: 'The closed alert and its notes',
    errors: ['NOT_FOUND', 'CONFLICT'],
  })
  @Post(':id/close')
  @HttpCode(200)
  async close(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: alertIdSchema }) id: string,
    @Body({ schema: closeAlertSchema }) body: z.infer<typeof closeAlertSchema>,
  ): Promise<InvestigatedAlert> {
    const alert = await this.seen(organisation, id);
    const closed = await this.alerts.close({
      alertId: id,
      organisationId: organisation.id,
      reason: body.reason,
    });
    if (!closed) {
      throw new ApiException(
        'CONFLICT',
        `Alert ${id} is closed already${alert.closedByName ? ` (by ${alert.closedByName})` : ''}: add a note instead.`,
      );
    }
    return this.get(organisation, id);
  }

  /** @throws ApiException NOT_FOUND when the organisation cannot see such an alert */
  private async seen(organisation: Organisation, id: string): Promise<Alert> {
    const alert = await this.alerts.find(id, scopeOf(organisation));
    if (!alert) {
      throw new ApiException(
        'NOT_FOUND',
        `No alert ${id} that you may see: a manufacturer sees the alerts on its own products. List them with GET /alerts.`,
      );
    }
    return alert;
  }
}

function scopeOf(organisation: Organisation): AlertScope {
  return { manufacturerId: oversees(organisation) ? null : organisation.id };
}
