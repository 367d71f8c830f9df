import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`spec/reliability/*.reliability.ts`): faults, load, soak, property-based
 * cancellation, secrets and bad input, over real sockets on 127.0.0.1. Kept out of `npm test`
 * (whose config includes `spec/**\/*.spec.ts` only); run with
 * `vitest run --config vitest.reliability.config.ts`. See docs/reliability.md.
 *
 * Files run one at a time, each in its own child process started with `--expose-gc`, so that
 * handle counts and heap measurements see no other file's work.
 */
export default defineConfig({
  test: {
    include: ['spec/reliability/**/*.reliability.ts'],
    pool: 'forks',
    poolOptions: { forks: { execArgv: ['--expose-gc'], isolate: true } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 20_000,
  },
});
