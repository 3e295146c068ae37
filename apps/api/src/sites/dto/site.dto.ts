import { gs1CheckDigit } from '@pedigree/gs1';
import { z } from 'zod';

/** A GLN: 13 digits whose last is the GS1 mod-10 check digit of the first 12. */
export const glnSchema = z
  .string({ error: 'gln must be the 13-digit GLN of the site, as text' })
  .regex(/^\d{13}$/, { error: 'gln must be exactly 13 digits' })
  .superRefine((gln, context) => {
    const expected = gs1CheckDigit(gln.slice(0, 12));
    if (Number(gln[12]) !== expected) {
      context.addIssue({
        code: 'custom',
        message: `GLN ${gln}: check digit should be ${expected}; check the number on the site's record`,
      });
    }
  });

/** Required text, trimmed, at most `max` characters; the errors name `field`. */
export const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(max, { error: `${field} must be at most ${max} characters` });

const country = z
  .string({ error: 'country must be a two-letter ISO 3166-1 code such as DE or FR' })
  .regex(/^[A-Za-z]{2}$/, {
    error: 'country must be a two-letter ISO 3166-1 code such as DE or FR',
  })
  .transform((code) => code.toUpperCase());

export const createSiteSchema = z.strictObject({
  gln: glnSchema,
  name: text('name', 200),
  address: text('address', 500),
  city: text('city', 200),
  country,
});

export const updateSiteSchema = z
  .strictObject({
    name: text('name', 200),
    address: text('address', 500),
    city: text('city', 200),
    country,
  })
  .partial();

export type CreateSiteDto = z.infer<typeof createSiteSchema>;
export type UpdateSiteDto = z.infer<typeof updateSiteSchema>;
