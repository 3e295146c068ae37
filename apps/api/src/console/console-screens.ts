/**
 * The console's screens and who sees which: the navigation is built from this list by role, so
 * a screen for another role is one more entry and one more controller route carrying the same
 * `@Roles(...)`. The list only shapes the menu;
 * each screen's route and every API call it makes are authorised by the API's own guard.
 */
import type { Role } from '@pedigree/domain';

export interface ConsoleScreen {
  /** Where it is served, under /console. */
  path: string;
  title: string;
  /** The roles its route requires (the same as its `@Roles(...)`). */
  roles: readonly Role[];
}

/** The console's home: the sign-in page, or a signed-in organisation's first screen. */
export const CONSOLE_HOME = '/console';

export const COUNTER_SCREEN: ConsoleScreen = {
  path: '/console/counter',
  title: 'Pharmacy counter',
  roles: ['pharmacy'],
};

export const MANUFACTURER_SCREEN: ConsoleScreen = {
  path: '/console/manufacturer',
  title: 'Products and batches',
  roles: ['manufacturer'],
};

export const DISTRIBUTOR_SCREEN: ConsoleScreen = {
  path: '/console/distributor',
  title: 'Warehouse',
  roles: ['distributor'],
};

export const REGULATOR_SCREEN: ConsoleScreen = {
  path: '/console/regulator',
  title: 'Oversight',
  roles: ['regulator'],
};

export const SCREENS: readonly ConsoleScreen[] = [
  COUNTER_SCREEN,
  MANUFACTURER_SCREEN,
  DISTRIBUTOR_SCREEN,
  REGULATOR_SCREEN,
];

/**
 * The screens an organisation with these roles may open, in menu order.
 * @example screensFor(['pharmacy']).map((s) => s.path) // ['/console/counter']
 */
export function screensFor(roles: readonly Role[]): ConsoleScreen[] {
  return SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role)));
}

/**
 * Where to go after signing in: `next` only when it is one of the console's own screens (never an
 * address someone else chose: no open redirect), else undefined.
 * @example safeNext('/console/counter') // '/console/counter'
 * @example safeNext('https://evil.example/') // undefined
 */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string'
    ? SCREENS.find((screen) => screen.path === next)?.path
    : undefined;
}
