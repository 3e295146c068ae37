/**
 * A headless Chromium for the page suites: Debian's /usr/bin/chromium driven by playwright-core
 * (Playwright cannot download its own browser here), with a fresh profile per launch and the
 * background-networking flags that keep it from flooding a closed network with refused
 * connections (../shared/TOOLCHAIN.md, "Headless Chromium").
 */
import { existsSync, rmSync } from 'node:fs';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { tempDataDir } from './temp-dir';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HeadlessBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a profile of its own, removed on close.
 * @throws Error naming the package to install when Debian's chromium is missing
 */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<HeadlessBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the page tests.`,
    );
  }
  const profile = tempDataDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
