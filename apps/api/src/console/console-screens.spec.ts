import { ROLES } from '@pedigree/domain';
import { SCREENS, safeNext, screensFor } from './console-screens';

describe('the console’s screens', () => {
  it('are offered by role, in menu order', () => {
    expect(screensFor(['pharmacy']).map((s) => s.path)).toEqual(['/console/counter']);
    expect(screensFor(['manufacturer']).map((s) => s.path)).toEqual(['/console/manufacturer']);
    expect(screensFor(['regulator']).map((s) => s.path)).toEqual(['/console/regulator']);
    expect(screensFor(['distributor']).map((s) => s.path)).toEqual(['/console/distributor']);
    expect(screensFor(['manufacturer', 'pharmacy']).map((s) => s.path)).toEqual([
      '/console/counter',
      '/console/manufacturer',
    ]);
    for (const role of ROLES.filter(
      (r) => !['pharmacy', 'manufacturer', 'distributor', 'regulator'].includes(r),
    )) {
      expect(screensFor([role])).toEqual([]);
    }
  });

  it('all live under /console, each once', () => {
    const paths = SCREENS.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.every((p) => /^\/console\/[a-z-]+$/.test(p))).toBe(true);
  });

  it('are the only places a sign-in goes on to (no open redirect)', () => {
    expect(safeNext('/console/counter')).toBe('/console/counter');
    for (const next of [
      'https://evil.example/console/counter',
      '//evil.example',
      '/console/counter/../../docs',
      '/docs',
      undefined,
      42,
    ]) {
      expect(safeNext(next)).toBeUndefined();
    }
  });
});
