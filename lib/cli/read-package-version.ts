import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'rx-completions';

function packageVersionIn(directory: string): string | undefined {
  let manifest: { readonly name?: unknown; readonly version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as object;
  } catch {
    return undefined; // none here, or not ours to read: look further up
  }
  return manifest.name === PACKAGE_NAME && typeof manifest.version === 'string'
    ? manifest.version
    : undefined;
}

/**
 * The version of the installed `rx-completions`, read from its `package.json` at run time:
 * the nearest one named `rx-completions` above `from`, so it is right whether the CLI runs
 * from `lib/cli/` (tsx) or from the bundled `dist/cli.js`.
 *
 * @param from - a file URL inside the package.
 * @returns the version, e.g. `0.1.0`.
 * @throws Error when no such `package.json` is found.
 * @example
 * ```ts
 * readPackageVersion(import.meta.url); // '0.1.0'
 * ```
 */
export function readPackageVersion(from: string = import.meta.url): string {
  let directory = dirname(fileURLToPath(from));
  for (;;) {
    const version = packageVersionIn(directory);
    if (version !== undefined) return version;
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error(`no package.json of ${PACKAGE_NAME} above ${fileURLToPath(from)}`);
    }
    directory = parent;
  }
}
