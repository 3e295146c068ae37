/**
 * Query parameters of the lists that page newest first by id (quarantine, alerts, subscription
 * deliveries): `before`, the last id of the previous page, and `limit`, 1 to 1,000 (default 100).
 */
import { z } from 'zod';

/** The most rows one page lists. */
export const MAX_PAGE = 1_000;

/** @param of what the ids are of, for the error sentence ("a quarantined message") */
export function newestFirstPage(of: string) {
  const limitError = `limit must be a whole number from 1 to ${MAX_PAGE}`;
  return {
    before: z
      .string()
      .regex(/^[1-9][0-9]{0,17}$/, {
        error: `before must be the id of ${of}, as the previous page listed`,
      })
      .optional(),
    limit: z
      .string()
      .regex(/^[1-9][0-9]{0,3}$/, { error: limitError })
      .transform(Number)
      .refine((limit) => limit <= MAX_PAGE, { error: limitError })
      .optional()
      .default(100),
  };
}
