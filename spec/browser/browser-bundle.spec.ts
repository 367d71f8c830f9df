import { describe, expect, it } from 'vitest';
import { bundleForBrowser, nodeImportsOf, splitOutputs } from '../../scripts/bundle-size.js';
import { startBrowserExample } from '../../scripts/serve-browser-example.js';

const NAME_TABLE = 'lib/decode/names/unicode-name-table.ts';

describe('the browser bundle (esbuild metafile)', () => {
  it('the root entry point imports nothing from Node, rxjs and axios external or bundled', async () => {
    const [external, bundled] = await Promise.all([
      bundleForBrowser({ entry: 'lib/index.ts', external: ['rxjs', 'axios'], outdir: 'out' }),
      bundleForBrowser({ entry: 'lib/index.ts', outdir: 'out' }),
    ]);
    expect(nodeImportsOf(external.metafile)).toEqual([]);
    expect(nodeImportsOf(bundled.metafile)).toEqual([]);
    expect(Object.keys(bundled.metafile.inputs)).toContain(
      'node_modules/axios/lib/adapters/fetch.js',
    );
  });

  it('finds the Node imports of rx-completions/testing (the check is not vacuous)', async () => {
    const testing = await bundleForBrowser({ entry: 'lib/testing/index.ts', outdir: 'out' });
    expect(nodeImportsOf(testing.metafile)).toContainEqual({
      importer: 'lib/testing/server/running-loopback-server.ts',
      path: 'node:http',
    });
  });

  it('loads the Unicode name table lazily, from a chunk of its own', async () => {
    const bundle = await bundleForBrowser({
      entry: 'lib/index.ts',
      external: ['rxjs', 'axios'],
      outdir: 'out',
    });
    const { core, lazy } = splitOutputs(bundle);
    const holdsTable = (path: string): boolean =>
      NAME_TABLE in (bundle.metafile.outputs[path]?.inputs ?? {});
    expect(core.filter(holdsTable)).toEqual([]);
    expect(lazy.filter(holdsTable)).toHaveLength(1);
  });

  it('the example page imports nothing from Node', async () => {
    const example = await startBrowserExample();
    try {
      expect(nodeImportsOf(example.metafile)).toEqual([]);
    } finally {
      await example.close();
    }
  });
});
