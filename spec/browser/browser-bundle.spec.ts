import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
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

  it('leaves the name table and the Aivvm decoder out of an OpenAICompatible-only app, even without code splitting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rx-completions-bundle-'));
    try {
      // The package as published: one ES module for the root entry (as tsup builds it).
      await build({
        entryPoints: { index: 'lib/index.ts' },
        bundle: true,
        format: 'esm',
        splitting: true,
        platform: 'neutral',
        target: 'es2022',
        external: ['rxjs', 'axios', 'eventsource-parser'],
        outdir: join(dir, 'dist'),
        logLevel: 'silent',
      });
      const app = join(dir, 'app.js');
      await writeFile(
        app,
        "import { OpenAICompatible } from './dist/index.js';\n" +
          "new OpenAICompatible({ baseURL: 'http://127.0.0.1:11434/v1' }).createCompletion('m', [], true).subscribe();\n",
      );
      // The app, bundled with esbuild's defaults: no code splitting.
      const result = await build({
        entryPoints: [app],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        minify: true,
        external: ['rxjs', 'axios', 'eventsource-parser'],
        write: false,
        outdir: join(dir, 'out'),
        logLevel: 'silent',
      });
      const code = result.outputFiles.map((file) => file.text).join('');
      expect(code).toContain('chat/completions');
      // Names from the table, and the unicode-escape decoder's messages, are not in it.
      expect(code).not.toContain('LATIN SMALL LETTER');
      expect(code).not.toContain('truncated \\\\xXX escape');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
