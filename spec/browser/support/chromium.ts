import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium` package: the only browser these tests use (never a downloaded one). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go: `$BROWSER_ARTIFACTS_DIR`, else a directory in the system's tmpdir. */
export const ARTIFACTS_DIR =
  process.env['BROWSER_ARTIFACTS_DIR'] ?? join(tmpdir(), 'rx-completions-browser');

/**
 * Launches Debian's headless Chromium, offline: no first-run, sync, component updates or
 * background requests, nothing but the pages the test opens.
 *
 * @returns the browser.
 * @throws Error naming the fix when `/usr/bin/chromium` is missing: the tests fail, they never
 *   skip.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: the browser tests need Debian's chromium package ` +
        '(`apt-get install -y chromium`, as .ci/run does). They never download a browser.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
