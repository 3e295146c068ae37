import { ROLES } from '@pedigree/domain';
import { z } from 'zod';

export const createOrganisationSchema = z.strictObject({
  name: z
    .string({ error: 'name must be the organisation name, as text' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(200, { error: 'name must be at most 200 characters' }),
  roles: z
    .array(z.enum(ROLES, { error: `each role must be one of ${ROLES.join(', ')}` }), {
      error: `roles must be a list of ${ROLES.join(', ')}`,
    })
    .min(1, { error: 'roles must name at least one role' })
    .transform((roles) => [...new Set(roles)]),
  keyLabel: z.string().trim().min(1).max(100).default('first key'),
});

export type CreateOrganisationDto = z.infer<typeof createOrganisationSchema>;
