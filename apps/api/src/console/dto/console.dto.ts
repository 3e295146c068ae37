import { ROLES } from '@pedigree/domain';
import { z } from 'zod';

export const signInSchema = z.strictObject({
  key: z
    .string({ error: "key must be your organisation's API key, as text" })
    .trim()
    .min(1, { error: "key must not be empty: paste your organisation's API key (pdg_...)" })
    .max(300, { error: 'key must be at most 300 characters: an API key is pdg_ and 43 more' }),
  /** A console screen to open once signed in (anything else is ignored). */
  next: z.string().max(200).optional(),
});

export type SignInDto = z.infer<typeof signInSchema>;

export const signedInSchema = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)) }),
  expiresAt: z.string().meta({ description: 'When the session ends unless signed out before.' }),
  next: z.string().meta({ description: 'The console page to open now.' }),
});

export type SignedInAnswer = z.infer<typeof signedInSchema>;
