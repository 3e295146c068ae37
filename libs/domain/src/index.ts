export { ROLES, type Role } from './role';
