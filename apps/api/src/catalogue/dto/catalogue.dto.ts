import { gs1CheckDigit } from '@pedigree/gs1';
import { z } from 'zod';
import { glnSchema, text } from '../../sites/dto/site.dto';

/** A GTIN-14 (a GTIN-8/12/13 is padded with zeros), with its check digit. */
export const gtinSchema = z
  .string({ error: 'gtin must be the product GTIN, as text' })
  .regex(/^(\d{8}|\d{12}|\d{13}|\d{14})$/, {
    error: 'gtin must be a GTIN of 8, 12, 13 or 14 digits',
  })
  .transform((gtin) => gtin.padStart(14, '0'))
  .superRefine((gtin, context) => {
    const expected = gs1CheckDigit(gtin.slice(0, 13));
    if (Number(gtin[13]) !== expected) {
      context.addIssue({
        code: 'custom',
        message: `GTIN ${gtin}: check digit should be ${expected}`,
      });
    }
  });

/** A lot as AI (10) allows: 1 to 20 characters of GS1's 82-character set. */
export const lotSchema = z
  .string({ error: 'lot must be the batch number, as text' })
  .regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/, {
    error: 'lot must be 1 to 20 letters, digits or GS1 punctuation (no spaces), as AI (10) allows',
  });

/** A serial number as AI (21) allows. */
export const serialSchema = z.string().regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/, {
  error: 'serial must be 1 to 20 GS1 characters, as AI (21) allows',
});

export const createProductSchema = z.strictObject({
  gtin: gtinSchema,
  name: text('name', 200),
  form: text('form', 100),
  strength: text('strength', 100),
  packSize: z
    .number({ error: 'packSize must be the number of units in a pack' })
    .int({ error: 'packSize must be a whole number' })
    .positive({ error: 'packSize must be at least 1' }),
  nationalCode: text('nationalCode', 50).optional(),
});

export const createBatchSchema = z.strictObject({
  lot: lotSchema,
  expiry: z
    .string({ error: 'expiry must be YYMMDD as on the pack (AI 17), e.g. 271231' })
    .regex(/^\d{2}(0[1-9]|1[0-2])(0\d|[12]\d|3[01])$/, {
      error:
        'expiry must be YYMMDD as on the pack (AI 17), e.g. 271231; day 00 means the end of the month',
    }),
  quantity: z
    .number({ error: 'quantity must be the number of packs in the batch' })
    .int({ error: 'quantity must be a whole number' })
    .positive({ error: 'quantity must be at least 1' }),
});

export const MAX_COMMISSION = 100_000;

export const commissionSchema = z.strictObject({
  count: z
    .number({ error: 'count must be the number of serial numbers to commission' })
    .int({ error: 'count must be a whole number' })
    .min(1, { error: 'count must be at least 1' })
    .max(MAX_COMMISSION, { error: `count must be at most ${MAX_COMMISSION} per request` }),
  siteGln: glnSchema,
});

export const reasonSchema = z.strictObject({ reason: text('reason', 1000) });

export type CreateProductDto = z.infer<typeof createProductSchema>;
export type CreateBatchDto = z.infer<typeof createBatchSchema>;
export type CommissionDto = z.infer<typeof commissionSchema>;
