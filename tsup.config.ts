import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'lib/index.ts', testing: 'lib/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // Splitting keeps the lazily loaded Unicode name table in a chunk of its own.
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['rxjs', 'axios', 'eventsource-parser', /^node:/],
  },
  {
    entry: {
      'loopback-server-cli': 'lib/testing/loopback-server-cli.ts',
      cli: 'lib/cli/main.ts',
    },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    external: ['rxjs', 'axios', 'eventsource-parser'],
  },
]);
