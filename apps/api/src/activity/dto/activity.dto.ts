import { z } from 'zod';

/** The widest window one request may ask for. */
export const MAX_WINDOW_DAYS = 31;

/** The most rows of each kind one answer lists. */
export const ACTIVITY_LIMIT = 1_000;

const instant = (name: string) =>
  z.iso
    .datetime({
      offset: true,
      error: `${name} must be a date and time with its offset, e.g. 2026-11-24T00:00:00+01:00`,
    })
    .transform((value) => new Date(value));

export const activityQuerySchema = z.strictObject({
  /** Default: 24 hours before `to`. */
  from: instant('from').optional(),
  /** Default: now. */
  to: instant('to').optional(),
});

export type ActivityQuery = z.infer<typeof activityQuerySchema>;

/** What is known of the pack a row is about: null fields when it is not a registered pack. */
const packLabel = {
  gtin: z.string().nullable(),
  serial: z.string().nullable(),
  product: z.string().nullable().meta({ description: "The product's name." }),
  lot: z.string().nullable().meta({ description: 'The batch recorded for the pack.' }),
  expiry: z
    .string()
    .nullable()
    .meta({ description: "The batch's expiry as GS1 writes it, YYMMDD (day 00: end of month)." }),
};

export const activitySchema = z.object({
  site: z.object({ gln: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  verifications: z
    .array(
      z.object({
        id: z.string(),
        at: z.string(),
        item: z.string().meta({ description: 'What was scanned or typed.' }),
        code: z.string().meta({ description: 'The verdict given.' }),
        ...packLabel,
      }),
    )
    .meta({
      description:
        "Verifications at this site (POST /verify and its scanners' inspections), newest first.",
    }),
  decommissions: z
    .array(
      z.object({
        eventId: z.string(),
        at: z.string(),
        action: z.string().meta({
          description:
            'dispense, destroy, report_stolen, supply_sample, supply_free_sample, export, check_out, lock, unlock or undo.',
        }),
        item: z.string().meta({ description: 'The identifier the event names (a Digital Link).' }),
        sscc: z.string().nullable().meta({ description: 'When the event names a case or pallet.' }),
        ...packLabel,
      }),
    )
    .meta({ description: 'Decommissionings and reverts recorded at this site, one row per item.' }),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        at: z.string(),
        code: z.string(),
        detail: z.string(),
        item: z.string(),
        source: z.string().meta({ description: 'verify, scan or step.' }),
        ...packLabel,
      }),
    )
    .meta({ description: 'Alerts raised at this site by your organisation, newest first.' }),
});

export type Activity = z.infer<typeof activitySchema>;
