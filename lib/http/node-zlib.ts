import type * as Zlib from 'node:zlib';

/** Node's `zlib` module, as `process.getBuiltinModule` returns it. */
export type NodeZlib = typeof Zlib;

interface ProcessWithBuiltins {
  readonly getBuiltinModule?: (id: string) => unknown;
}

/**
 * Node's `zlib`, reached through `process.getBuiltinModule` (Node ≥ 20.16) rather than an
 * import, so that the package's root entry stays free of Node imports for browser bundlers.
 * `undefined` in browsers and on older Node versions: there the body is left for axios (or
 * `fetch`) to decompress.
 *
 * @returns the module, or `undefined` where it cannot be had without an import.
 * @example
 * ```ts
 * const zlib = nodeZlib();
 * const inflater = zlib?.createInflateRaw();
 * ```
 * @internal
 */
export function nodeZlib(): NodeZlib | undefined {
  const process = (globalThis as { readonly process?: ProcessWithBuiltins }).process;
  const zlib = process?.getBuiltinModule?.('node:zlib');
  return zlib === undefined ? undefined : (zlib as NodeZlib);
}
