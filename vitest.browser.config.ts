import { defineConfig } from 'vitest/config';

/**
 * The browser suite (`spec/browser/*.browser.ts`): the example page in Debian's headless
 * Chromium (`/usr/bin/chromium`, never a downloaded browser). Kept out of `npm test`, which must
 * pass on a machine with nothing but what `npm install` brings; `.ci/run` installs Chromium and
 * runs it with `npm run test:browser`.
 */
export default defineConfig({
  test: {
    include: ['spec/browser/**/*.browser.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
