import { PACK_STATES, VERDICT_CODES } from '@pedigree/domain';
import { z } from 'zod';
import { glnSchema } from '../sites/dto/site.dto';

export const verifySchema = z.strictObject({
  code: z
    .string({
      error:
        'code must be what the scanner read: scan data, an element string, bracketed AIs or a Digital Link',
    })
    .min(1, { error: 'code must not be empty' })
    .max(2_048, { error: 'code must be at most 2,048 characters' }),
  /** The verifying site (one of the caller's): custody is then checked too. */
  siteGln: glnSchema.optional(),
});

export type VerifyDto = z.infer<typeof verifySchema>;

/** The answer to POST /verify: one schema for the type and for the OpenAPI document. */
export const verificationSchema = z.object({
  code: z.enum(VERDICT_CODES),
  sentence: z.string().meta({ description: 'The verdict in one sentence for the counter.' }),
  detail: z
    .string()
    .optional()
    .meta({ description: 'The particulars: which state, when, where; which field differs.' }),
  pack: z
    .object({
      gtin: z.string(),
      serial: z.string(),
      lot: z.string(),
      expiry: z
        .string()
        .nullable()
        .meta({ description: 'ISO date, the end of the month for a YYMMDD with day 00.' }),
      state: z.enum(PACK_STATES),
      atYourSite: z.boolean().nullable().meta({
        description: 'Whether the verifying site holds it, or it is on its way there.',
      }),
    })
    .optional(),
  product: z
    .object({
      gtin: z.string(),
      name: z.string(),
      form: z.string(),
      strength: z.string(),
      packSize: z.number().int(),
    })
    .optional(),
});

export type Verification = z.infer<typeof verificationSchema>;
