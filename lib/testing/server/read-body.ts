import type { IncomingMessage } from 'node:http';

/**
 * Reads a request's whole body as raw bytes.
 *
 * @param incoming - the request; its body is consumed.
 * @returns every body byte, as a plain `Uint8Array` (empty when there is none).
 * @throws when the client goes away before the body ends.
 * @example
 * ```ts
 * const body = await readBody(incoming);
 * ```
 */
export async function readBody(incoming: IncomingMessage): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of incoming as AsyncIterable<Uint8Array>) parts.push(part);
  const body = Buffer.concat(parts);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}
