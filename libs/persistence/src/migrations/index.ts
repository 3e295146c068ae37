/** Every migration, oldest first. A new migration is added here. */
import { Identity1795510800000 } from './1795510800000-identity';

export const migrations = [Identity1795510800000];
