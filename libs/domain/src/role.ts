/**
 * What an organisation is to the consortium. One organisation may hold several roles (a
 * manufacturer that also distributes); `admin` is the platform operator.
 */
export const ROLES = ['manufacturer', 'distributor', 'pharmacy', 'regulator', 'admin'] as const;

export type Role = (typeof ROLES)[number];
