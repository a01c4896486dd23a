// Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// and the static file server of `npm start` for the pages it loads.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export { serveStatic } from '../../scripts/lib/serve.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The flags keep Chromium from calling out to the network, which this machine refuses.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a fresh page, fails on any page error, and returns the value of
 * `window.__result` once the page sets it (pages publish their findings there).
 */
export async function pageResult(browser, url, { timeout = 30_000 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__result !== undefined || window.__error !== undefined, null, { timeout });
    if (errors.length > 0) throw errors[0];
    const { result, error } = await page.evaluate(() => ({ result: window.__result, error: window.__error }));
    if (error !== undefined) throw new Error(`page reported: ${error}`);
    return result;
  } finally {
    await page.close();
  }
}
