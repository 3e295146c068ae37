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
