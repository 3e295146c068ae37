/**
 * Helpers for the web console's page suites: where the focus is, moving it with the keyboard as a
 * keyboard-only user does, and screenshots kept in test-artifacts/console/, each of a page that
 * passes the accessibility audit.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { accessibilityProblems } from './accessibility';
import { repoRoot } from './repo-root';

const SHOTS = join(repoRoot(), 'test-artifacts', 'console');

/**
 * Signs in as a person does: opens `url` (the sign-in page, with `?next=` when it leads on),
 * waits for the key field to take the focus (it lands a moment after load on a busy machine),
 * types the key and presses Enter.
 */
export async function signInWithKeyboard(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.activeElement?.id === 'key');
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
}

/** The helpers, on the page `current()` returns (a suite opens its page in `beforeAll`). */
export function consolePage(current: () => Page) {
  /** The id of the focused element: keyboard-only use depends on where the focus is. */
  const focused = () => current().evaluate(() => document.activeElement?.id ?? '');

  /** Presses Tab (or Shift+Tab) until the element with this id has the focus. */
  async function tabTo(id: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let presses = 0; presses < 80; presses++) {
      if ((await focused()) === id) return;
      await current().keyboard.press(key);
    }
    throw new Error(`#${id} never took the focus with ${key}`);
  }

  /**
   * Keeps a full-page screenshot as test-artifacts/console/<name>.png, and asserts that the page,
   * as shown, has no problem against WCAG 2.1 A and AA that axe-core finds (contrast, labels,
   * names, structure): every state a suite keeps a picture of is audited.
   */
  async function shot(name: string, page: Page = current()): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
  }

  return { focused, tabTo, shot };
}
