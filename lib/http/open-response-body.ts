import {
  readBody,
  isNodeReadableBody,
  type BodyCallbacks,
  type CancelBody,
} from './body-reader.js';
import { decompressBody } from './decompress-body.js';
import type { NodeZlib } from './node-zlib.js';

/** What {@link openResponseBody} reads. */
export interface ResponseBody {
  /** `response.data`. */
  readonly data: unknown;
  /** The response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Reads a response body into `sink`, decompressed: a Node stream (axios's `http` adapter,
 * asked not to decompress) is decompressed here as its `content-encoding` says, when `zlib`
 * is at hand; any other body is read as it is (`fetch` has decompressed it already).
 *
 * @param response - the body and the headers.
 * @param zlib - Node's zlib, or `undefined` where the request let axios decompress.
 * @param sink - where the body's bytes go.
 * @returns a function that stops reading (and decompressing).
 * @example
 * ```ts
 * const cancel = openResponseBody({ data: response.data, headers }, nodeZlib(), sink);
 * ```
 * @internal
 */
export function openResponseBody(
  response: ResponseBody,
  zlib: NodeZlib | undefined,
  sink: BodyCallbacks,
): CancelBody {
  const encoding = response.headers['content-encoding'];
  const decompressing =
    zlib !== undefined && encoding !== undefined && isNodeReadableBody(response.data)
      ? decompressBody(encoding, zlib, sink)
      : undefined;
  if (decompressing === undefined) return readBody(response.data, sink);
  const cancel = readBody(response.data, decompressing.callbacks);
  return () => {
    decompressing.cancel();
    cancel();
  };
}
