import type { UnicodeNameLookup } from './unicode-name-lookup.js';

let loaded: UnicodeNameLookup | undefined;
let loading: Promise<UnicodeNameLookup> | undefined;

/**
 * Loads the `\N{...}` name table once: a dynamic `import()` of a separate, browser-safe module,
 * so that the core bundle stays small and only streams that meet a named escape pay for it
 * (the table is large; most streams never need it).
 *
 * Concurrent calls share one load. A failed load is forgotten, so the next call retries.
 *
 * @returns the lookup, once loaded.
 *
 * @example
 * ```ts
 * const lookup = await loadUnicodeNameLookup();
 * ```
 */
export function loadUnicodeNameLookup(): Promise<UnicodeNameLookup> {
  loading ??= import('./unicode-name-table.js').then(
    (module) => (loaded = module.buildUnicodeNameLookup()),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The name lookup if it has been loaded already, for synchronous use.
 *
 * @returns the lookup, or `undefined` before {@link loadUnicodeNameLookup} has finished.
 *
 * @example
 * ```ts
 * const lookup = loadedUnicodeNameLookup() ?? (await loadUnicodeNameLookup());
 * ```
 */
export function loadedUnicodeNameLookup(): UnicodeNameLookup | undefined {
  return loaded;
}

/**
 * Where the name table is in its lifecycle; a hook for tests that prove the lazy load.
 *
 * @internal
 * @returns `unloaded`, `loading` or `loaded`.
 *
 * @example
 * ```ts
 * unicodeNameLookupState(); // 'unloaded' until a stream meets `\N{...}`
 * ```
 */
export function unicodeNameLookupState(): 'unloaded' | 'loading' | 'loaded' {
  if (loaded !== undefined) return 'loaded';
  return loading === undefined ? 'unloaded' : 'loading';
}
