import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OursModule } from '../clients/ours.js';

/** The built package's ESM entry, as users import it. */
const DIST_ENTRY = new URL('../../dist/index.js', import.meta.url);

/**
 * Loads ours from the built package (`dist/index.js`): the code users run, not the TypeScript
 * sources through a loader (which adds a helper call per function made, to keep its name).
 * `npm run bench` builds it first.
 *
 * @returns the package's classes.
 * @throws Error when the package has not been built.
 */
export async function loadOurs(): Promise<OursModule> {
  if (!existsSync(DIST_ENTRY)) {
    throw new Error(`${fileURLToPath(DIST_ENTRY)} is missing: run npm run build first`);
  }
  return (await import(DIST_ENTRY.href)) as OursModule;
}
