import { z } from 'zod';
import { activityQuerySchema } from './activity.dto';

/** The window by default: the week before now. */
export const DEFAULT_SHIPMENT_DAYS = 7;

/** The most awaited packs one answer lists (their total is always given). */
export const AWAITED_LIMIT = 1_000;

/**
 * Whether the name is an IANA time zone (`Europe/Berlin`, `UTC`) this runtime knows. Offsets such
 * as `+01:00` are not accepted: PostgreSQL reads their sign the POSIX way, the reverse of ISO 8601.
 */
function ianaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const shipmentsQuerySchema = activityQuerySchema.extend({
  /** The zone whose calendar days the answer counts in. */
  timeZone: z
    .string()
    .refine(ianaTimeZone, {
      error: (issue) =>
        `timeZone must be an IANA time zone such as Europe/Berlin or UTC; ${JSON.stringify(issue.input)} is not one`,
    })
    .optional()
    .default('UTC'),
});
export type ShipmentsQuery = z.infer<typeof shipmentsQuerySchema>;

const moved = z.object({
  shipments: z.number().int().meta({ description: 'Shipping (or receiving) events.' }),
  packs: z.number().int().meta({ description: 'The packs they moved; a case counts its packs.' }),
});

export const shipmentsSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string().meta({ description: 'The zone the days are counted in.' }),
  days: z
    .array(
      z.object({
        day: z.string().meta({ description: 'YYYY-MM-DD, in the time zone asked for.' }),
        site: z.object({ gln: z.string(), name: z.string() }),
        left: moved.meta({ description: 'What was shipped from the site that day.' }),
        arrived: moved.meta({ description: 'What was received at the site that day.' }),
      }),
    )
    .meta({ description: 'Per site and day with any shipping or receiving, newest day first.' }),
  awaited: z.object({
    total: z.number().int().meta({ description: 'Packs on their way to your sites.' }),
    packs: z
      .array(
        z.object({
          gtin: z.string(),
          serial: z.string(),
          product: z.string(),
          lot: z.string(),
          expiry: z.string(),
          toGln: z.string().meta({ description: 'Your site it was shipped to.' }),
          fromGln: z.string().nullable(),
          fromOrganisation: z.string().nullable(),
          shippedAt: z.string().nullable(),
        }),
      )
      .meta({ description: `Longest awaited first, at most ${AWAITED_LIMIT}.` }),
  }),
});

export type Shipments = z.infer<typeof shipmentsSchema>;
