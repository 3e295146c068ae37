import type { Organisation } from '@pedigree/persistence';

/** Regulators and the platform admin see across organisations. */
export function oversees(organisation: Organisation): boolean {
  return organisation.roles.some((role) => role === 'regulator' || role === 'admin');
}
