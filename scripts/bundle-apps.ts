/**
 * Builds the package's root entry as it is published (one ES module with its lazily loaded
 * chunks, as tsup builds it), installs it into a temporary `node_modules/rx-completions`, and
 * bundles small apps that import it with esbuild (without code splitting, its default), vite
 * and rollup (with `@rollup/plugin-node-resolve`, so that `"sideEffects": false` applies as in
 * an app). For each app and bundler it tells whether the Unicode name table is in the output,
 * and where: in the code loaded at start, or only in a chunk loaded through `import()`.
 *
 * Used by `scripts/bundle-size.ts` (`npm run size`) and `spec/browser/bundlers.spec.ts`.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build as esbuild, transform } from 'esbuild';
import { rollup } from 'rollup';
import { build as viteBuild } from 'vite';

/** The repository root. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A string found only in the generated name table (`lib/decode/names/generated/`): the first
 * words of its word list. No minifier changes a string literal.
 */
export const NAME_TABLE_MARKER = 'LETTER SYLLABLE HIEROGLYPH SMALL CAPITAL';

/** The packages an app's bundler shares with the rest of the app: left out of every bundle. */
const EXTERNAL = ['rxjs', 'axios', 'eventsource-parser'];

/** The apps bundled: what each imports from `rx-completions`. */
export const APPS = {
  'OpenAICompatible only':
    "import { OpenAICompatible } from 'rx-completions';\n" +
    "new OpenAICompatible({ baseURL: 'http://127.0.0.1:11434/v1' }).createCompletion('m', [], true).subscribe();\n",
  decodeText:
    "import { decodeText } from 'rx-completions';\n" +
    "import { of } from 'rxjs';\n" +
    "of(new TextEncoder().encode('\\\\N{BULLET}')).pipe(decodeText()).subscribe(console.log);\n",
  'the whole root entry':
    "import * as rx from 'rx-completions';\n" + 'console.log(Object.keys(rx));\n',
} as const;

/** An app's name. */
export type AppName = keyof typeof APPS;

/** The bundlers used. */
export const BUNDLERS = ['esbuild', 'vite', 'rollup'] as const;

/** A bundler's name. */
export type BundlerName = (typeof BUNDLERS)[number];

/** One output file of a bundle: its name, its minified code, and whether it is an entry. */
interface OutputFile {
  readonly name: string;
  readonly code: string;
  readonly entry: boolean;
}

/** Where the name table ended up in a bundle. */
export type NameTablePlace = 'absent' | 'lazy chunk' | 'entry';

/** What one bundler made of one app. */
export interface AppBundle {
  readonly app: AppName;
  readonly bundler: BundlerName;
  /** The code loaded at start (the entry file), minified and gzipped, in bytes. */
  readonly entryGzipped: number;
  /** Every output file, each minified and gzipped on its own, in bytes. */
  readonly totalGzipped: number;
  readonly nameTable: NameTablePlace;
}

const gzipped = (code: string): number => gzipSync(code, { level: 9 }).length;

/** The root entry as tsup publishes it, in `<dir>/node_modules/rx-completions/`. */
async function installPackage(dir: string): Promise<void> {
  const packageDir = join(dir, 'node_modules', 'rx-completions');
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: { index: 'lib/index.ts' },
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'neutral',
    target: 'es2022',
    external: EXTERNAL,
    outdir: packageDir,
    logLevel: 'silent',
  });
  const manifest = { name: 'rx-completions', type: 'module', sideEffects: false, main: 'index.js' };
  await writeFile(join(packageDir, 'package.json'), JSON.stringify(manifest));
}

async function withEsbuild(dir: string, entry: string): Promise<OutputFile[]> {
  const result = await esbuild({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    external: EXTERNAL,
    write: false,
    outdir: join(dir, 'out-esbuild'),
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => ({ name: file.path, code: file.text, entry: true }));
}

async function withVite(dir: string, entry: string): Promise<OutputFile[]> {
  const result = await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      rolldownOptions: { input: entry, external: EXTERNAL },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) =>
    'output' in output
      ? output.output.flatMap((file) =>
          file.type === 'chunk'
            ? [{ name: file.fileName, code: file.code, entry: file.isEntry }]
            : [],
        )
      : [],
  );
}

async function withRollup(dir: string, entry: string): Promise<OutputFile[]> {
  const bundle = await rollup({
    input: entry,
    external: EXTERNAL,
    plugins: [nodeResolve({ rootDir: dir, browser: true })],
    onwarn: () => undefined,
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    // rollup does not minify: esbuild does it, as a minifying plugin would.
    return await Promise.all(
      output.flatMap((file) =>
        file.type === 'chunk'
          ? [
              transform(file.code, { minify: true, format: 'esm', loader: 'js' }).then(
                ({ code }) => ({ name: file.fileName, code, entry: file.isEntry }),
              ),
            ]
          : [],
      ),
    );
  } finally {
    await bundle.close();
  }
}

const BUILD: Record<BundlerName, (dir: string, entry: string) => Promise<OutputFile[]>> = {
  esbuild: withEsbuild,
  vite: withVite,
  rollup: withRollup,
};

function summarize(app: AppName, bundler: BundlerName, files: readonly OutputFile[]): AppBundle {
  const entries = files.filter((file) => file.entry);
  const holds = (file: OutputFile): boolean => file.code.includes(NAME_TABLE_MARKER);
  const nameTable: NameTablePlace = entries.some(holds)
    ? 'entry'
    : files.some(holds)
      ? 'lazy chunk'
      : 'absent';
  return {
    app,
    bundler,
    entryGzipped: entries.reduce((sum, file) => sum + gzipped(file.code), 0),
    totalGzipped: files.reduce((sum, file) => sum + gzipped(file.code), 0),
    nameTable,
  };
}

/**
 * Bundles every app in {@link APPS} with every bundler in {@link BUNDLERS}.
 *
 * @param bundlers - the bundlers to use. @default all
 * @returns one result per app and bundler, apps first.
 */
export async function bundleApps(
  bundlers: readonly BundlerName[] = BUNDLERS,
): Promise<AppBundle[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rx-completions-apps-'));
  try {
    await installPackage(dir);
    const results: AppBundle[] = [];
    for (const [index, [app, source]] of Object.entries(APPS).entries()) {
      const appDir = join(dir, `app-${index}`);
      await mkdir(appDir);
      const entry = join(appDir, 'main.js');
      await writeFile(entry, source);
      for (const bundler of bundlers) {
        results.push(summarize(app as AppName, bundler, await BUILD[bundler](dir, entry)));
      }
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
