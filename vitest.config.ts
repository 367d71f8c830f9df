import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    typecheck: { enabled: true, include: ['spec/**/*.spec-d.ts'] },
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts'],
      exclude: ['lib/**/generated/**', 'lib/testing/loopback-server-cli.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
});
