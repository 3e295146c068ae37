/**
 * An accessibility audit of a page as it stands in the headless browser: axe-core's WCAG 2.0 and
 * 2.1 A and AA rules, colour contrast among them.
 */
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe finds, one line a failing element ("color-contrast: #verdict p: Fix any of the
 * following: Element has insufficient color contrast of 3.1 …"), so a test asserts `[]` and a
 * failure names what to fix. axe is evaluated through the DevTools protocol, which the page's CSP
 * does not govern, so the page is audited under its real CSP.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(options: object): Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
    ),
  );
}
