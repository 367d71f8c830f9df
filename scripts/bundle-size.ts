/**
 * `npm run size` (`tsx scripts/bundle-size.ts [--check]`): bundles the root entry point for
 * the browser with esbuild (ESM, minified, code splitting), once with `rxjs` and `axios`
 * external as an app's bundler would share them and once with them bundled, and measures the
 * core size (minified and gzipped) without and with the lazily loaded Unicode name table
 * chunk. Then bundles small apps with esbuild (no splitting), vite and rollup (see
 * `bundle-apps.ts`) and measures them. Prints both tables and writes them into README.md
 * between `<!-- size:start -->` and `<!-- size:end -->`; with `--check`, only fails when the
 * README's figures are stale beyond a tolerance (see `readme-size-table.ts`).
 *
 * Fails when any Node built-in (`node:*`, `http`, `stream`...) is imported, when the name
 * table is not in a chunk of its own, when it is in any bundle of an app that never reaches
 * `\N{` (one that imports only `OpenAICompatible`), or missing from (or, with vite and
 * rollup, not lazily loaded in) an app that imports `decodeText`. The outputs and esbuild's metafile (for
 * https://esbuild.github.io/analyze/) are written to `dist/bundle-size/<variant>/`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import {
  bundleApps,
  type AppBundle,
  type AppName,
  type BundlerName,
  type NameTablePlace,
} from './bundle-apps.js';
import { kib, markdownTable, SIZE_TOLERANCE, updateReadme } from './readme-size-table.js';

/** The repository root: esbuild's working directory, and what metafile paths are relative to. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const NODE_BUILTIN = new RegExp(`^(?:node:|(?:${builtinModules.join('|')})(?:/|$))`);

/** An import of a Node built-in found in a bundle: who imports what. */
export interface NodeImport {
  readonly importer: string;
  readonly path: string;
}

/** A browser bundle: its metafile and every output file's bytes, by metafile path. */
export interface BrowserBundle {
  readonly metafile: Metafile;
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The entry's output, as a metafile path. */
  readonly entry: string;
}

/** What {@link bundleForBrowser} builds. */
export interface BrowserBundleOptions {
  /** The entry point, relative to the repository root. */
  readonly entry: string;
  /** Packages left as imports. @default none */
  readonly external?: readonly string[];
  /** Where the outputs would go (nothing is written). */
  readonly outdir: string;
  /** @default true */
  readonly minify?: boolean;
}

/**
 * Keeps Node built-ins as external imports instead of failing the build, so that they show up
 * in the metafile and {@link nodeImportsOf} can name who imports them.
 */
const keepNodeBuiltinsVisible: Plugin = {
  name: 'keep-node-builtins-visible',
  setup(context) {
    context.onResolve({ filter: NODE_BUILTIN }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Bundles `entry` as a browser would load it: `platform: 'browser'` (so packages' `browser`
 * fields apply, as they do for axios), ESM, code splitting.
 *
 * @param options - the entry, externals, output directory and minification.
 * @returns the metafile and the outputs in memory.
 */
export async function bundleForBrowser(options: BrowserBundleOptions): Promise<BrowserBundle> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [options.entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    splitting: true,
    minify: options.minify ?? true,
    external: [...(options.external ?? [])],
    outdir: options.outdir,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [keepNodeBuiltinsVisible],
  });
  const files = new Map(
    result.outputFiles.map((file) => [relative(ROOT, file.path), file.contents]),
  );
  const entry = Object.entries(result.metafile.outputs).find(
    ([, output]) => output.entryPoint === options.entry,
  )?.[0];
  if (entry === undefined) throw new Error(`esbuild produced no output for ${options.entry}`);
  return { metafile: result.metafile, files, entry };
}

/**
 * Every import of a Node built-in in a bundle, read from its metafile.
 *
 * @param metafile - esbuild's metafile of a {@link bundleForBrowser} build.
 * @returns the imports, empty for a browser-safe bundle.
 */
export function nodeImportsOf(metafile: Metafile): NodeImport[] {
  return Object.entries(metafile.inputs).flatMap(([importer, input]) =>
    input.imports
      .filter((imported) => NODE_BUILTIN.test(imported.path))
      .map((imported) => ({ importer, path: imported.path })),
  );
}

/**
 * The outputs loaded with the entry (through static imports) and those loaded later (through
 * `import()` only).
 *
 * @param bundle - a bundle.
 * @returns the eager and the lazy outputs, as metafile paths.
 */
export function splitOutputs(bundle: BrowserBundle): { core: string[]; lazy: string[] } {
  const outputs = bundle.metafile.outputs;
  const closure = (start: string, follow: (kind: string) => boolean): Set<string> => {
    const seen = new Set<string>();
    const visit = (path: string): void => {
      if (seen.has(path) || !(path in outputs)) return;
      seen.add(path);
      for (const imported of outputs[path]?.imports ?? []) {
        if (!imported.external && follow(imported.kind)) visit(imported.path);
      }
    };
    visit(start);
    return seen;
  };
  const core = closure(bundle.entry, (kind) => kind === 'import-statement');
  const all = closure(bundle.entry, () => true);
  return { core: [...core], lazy: [...all].filter((path) => !core.has(path)) };
}

/** Minified and gzipped byte counts (each file gzipped on its own, as it is served). */
interface Size {
  readonly minified: number;
  readonly gzipped: number;
}

function sizeOf(bundle: BrowserBundle, paths: readonly string[]): Size {
  let minified = 0;
  let gzipped = 0;
  for (const path of paths) {
    const bytes = bundle.files.get(path) ?? new Uint8Array();
    minified += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { minified, gzipped };
}

const NAME_TABLE_INPUT = 'lib/decode/names/unicode-name-table.ts';

async function measure(variant: string, label: string, external: readonly string[]) {
  const outdir = join('dist', 'bundle-size', variant);
  const bundle = await bundleForBrowser({ entry: 'lib/index.ts', external, outdir });
  const nodeImports = nodeImportsOf(bundle.metafile);
  if (nodeImports.length > 0) {
    const list = nodeImports.map(({ importer, path }) => `${importer} imports ${path}`);
    throw new Error(`the browser bundle imports Node built-ins:\n${list.join('\n')}`);
  }
  const { core, lazy } = splitOutputs(bundle);
  const inNameTableChunk = (path: string): boolean =>
    NAME_TABLE_INPUT in (bundle.metafile.outputs[path]?.inputs ?? {});
  if (core.some(inNameTableChunk) || !lazy.some(inNameTableChunk)) {
    throw new Error('the Unicode name table is not in a lazily loaded chunk of its own');
  }
  for (const [path, bytes] of bundle.files) {
    await mkdir(join(ROOT, dirname(path)), { recursive: true });
    await writeFile(join(ROOT, path), bytes);
  }
  await writeFile(join(ROOT, outdir, 'metafile.json'), JSON.stringify(bundle.metafile));
  const eager = sizeOf(bundle, core);
  const whole = sizeOf(bundle, [...core, ...lazy]);
  return [label, kib(eager.minified), kib(eager.gzipped), kib(whole.minified), kib(whole.gzipped)];
}

const BUNDLER_LABELS: Record<BundlerName, string> = {
  esbuild: 'esbuild, no code splitting',
  vite: 'vite 8',
  rollup: 'rollup 4 + node-resolve',
};

/**
 * Fails unless the name table is absent from every bundle of the app that never reaches
 * `\N{`, and present in every bundle of those that import `decodeText`: lazily (a chunk
 * loaded through `import()`) with the bundlers that split code.
 */
function checkNameTable(bundles: readonly AppBundle[]): void {
  const wrong = bundles.filter(({ app, bundler, nameTable }) =>
    app === 'OpenAICompatible only'
      ? nameTable !== 'absent'
      : bundler === 'esbuild'
        ? nameTable === 'absent'
        : nameTable !== 'lazy chunk',
  );
  if (wrong.length > 0) {
    const list = wrong.map(({ app, bundler, nameTable }) => `${app}, ${bundler}: ${nameTable}`);
    throw new Error(`the Unicode name table is where it should not be:\n${list.join('\n')}`);
  }
}

const APP_LABELS: Record<AppName, string> = {
  'OpenAICompatible only': 'only `OpenAICompatible`',
  decodeText: '`decodeText`',
  'the whole root entry': 'the whole root entry',
};

const NAME_TABLE_CELL: Record<NameTablePlace, string> = {
  absent: 'absent',
  'lazy chunk': 'a lazy chunk',
  entry: 'in the bundle',
};

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const root = markdownTable(
    [
      '`rx-completions` root entry for the browser (esbuild, ESM, minified, code splitting)',
      'Core',
      'Core, gzipped',
      'With the name table',
      'With the name table, gzipped',
    ],
    [
      await measure('rxjs-axios-external', 'rxjs and axios external', ['rxjs', 'axios']),
      await measure('rxjs-axios-bundled', 'rxjs and axios bundled', []),
    ],
  );
  const bundles = await bundleApps();
  checkNameTable(bundles);
  const apps = markdownTable(
    [
      'An app that imports (rxjs, axios, eventsource-parser external)',
      'Bundler (minified)',
      'Loaded at start, gzipped',
      'All chunks, gzipped',
      'The name table',
    ],
    bundles.map(({ app, bundler, entryGzipped, totalGzipped, nameTable }) => [
      APP_LABELS[app],
      BUNDLER_LABELS[bundler],
      kib(entryGzipped),
      kib(totalGzipped),
      NAME_TABLE_CELL[nameTable],
    ]),
    2,
  );
  const section = `${root}\n\n${apps}`;
  console.log(section);
  console.log('\nNo Node built-in is imported. Metafiles: dist/bundle-size/*/metafile.json');
  const stale = await updateReadme(section, check);
  if (stale.length > 0) {
    console.error(
      `\nREADME.md's "Bundle size" tables are stale beyond ±${SIZE_TOLERANCE.relative * 100} % ` +
        `(or ${SIZE_TOLERANCE.kib} KiB); run npm run size:\n${stale.join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(check ? '\nREADME.md is up to date.' : '\nREADME.md updated.');
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
