import { STATUS_CODES } from 'node:http';

import { toReasonPhrase } from './reason-phrase.js';
import type { ReplyScript } from './reply-script.js';

const encoder = new TextEncoder();

/** A fault the reply writer performs instead of ending the response normally. */
export type ReplyFault =
  | { readonly kind: 'stall-before-headers' }
  | { readonly kind: 'stall' | 'reset' | 'truncate'; readonly afterBytes: number };

/**
 * A {@link ReplyScript} resolved against a route's defaults: exactly what the reply writer
 * sends, with nothing left to decide per write.
 */
export interface ReplyPlan {
  /** The status code. */
  readonly status: number;
  /** The reason phrase, or `undefined` for the standard one. */
  readonly statusText: string | undefined;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, one element per write. */
  readonly writes: readonly Uint8Array[];
  /** Milliseconds between two writes. */
  readonly delayMs: number;
  /** Milliseconds before the status line. */
  readonly headersDelayMs: number;
  /** What goes wrong, if anything. */
  readonly fault: ReplyFault | undefined;
}

/** What a route contributes to a plan when the script leaves it open. */
export interface ReplyDefaults {
  /** The `content-type` of the reply. */
  readonly contentType: string;
  /** The server's delay between writes. */
  readonly delayMs: number;
  /** The route's default reply for a 2xx status, already split into writes. */
  readonly pieces: readonly string[];
}

const toBytes = (piece: string | Uint8Array): Uint8Array =>
  typeof piece === 'string' ? encoder.encode(piece) : piece;

function splitBytes(bytes: Uint8Array, size: number): Uint8Array[] {
  const writes: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) {
    writes.push(bytes.subarray(start, start + size));
  }
  return writes;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

function planContent(script: ReplyScript, status: number, defaults: ReplyDefaults): Uint8Array[] {
  if (script.chunks !== undefined) return script.chunks.map(toBytes);
  const given = script.body ?? script.text;
  if (given !== undefined) return [toBytes(given)];
  if (status >= 200 && status < 300) return defaults.pieces.map(toBytes);
  return [toBytes(script.statusText ?? STATUS_CODES[status] ?? '')];
}

function planWrites(script: ReplyScript, status: number, defaults: ReplyDefaults): Uint8Array[] {
  const pieces = planContent(script, status, defaults);
  const writes =
    script.chunkSize === undefined ? pieces : splitBytes(concatBytes(pieces), script.chunkSize);
  return writes.filter((write) => write.length > 0);
}

function planFault(script: ReplyScript): ReplyFault | undefined {
  const { resetAfterBytes, truncate, stall } = script;
  if (resetAfterBytes !== undefined) return { kind: 'reset', afterBytes: resetAfterBytes };
  if (truncate !== undefined) return { kind: 'truncate', afterBytes: truncate.afterBytes };
  if (stall === 'before-headers') return { kind: 'stall-before-headers' };
  if (stall === 'after-headers') return { kind: 'stall', afterBytes: 0 };
  return stall === undefined ? undefined : { kind: 'stall', afterBytes: stall.afterBytes };
}

/**
 * Resolves a (valid) {@link ReplyScript} against a route's defaults into a {@link ReplyPlan}.
 *
 * Content: `chunks` as given, else `body` or `text` in one write, else the route's default
 * pieces for a 2xx status, else the status text; `chunkSize` then re-splits it by bytes.
 * Empty writes are dropped (an empty chunk would end a chunked body early).
 *
 * @param script - the script, checked with `assertReplyScript`.
 * @param defaults - the route's content type, default reply and the server's delay.
 * @returns the plan the reply writer follows.
 * @example
 * ```ts
 * const plan = planReply({ text: 'abcdef', chunkSize: 4 }, { contentType: 'text/plain', delayMs: 0, pieces: [] });
 * plan.writes.length; // 2
 * ```
 */
export function planReply(script: ReplyScript, defaults: ReplyDefaults): ReplyPlan {
  const status = script.status ?? 200;
  const headers: Record<string, string> = { 'content-type': defaults.contentType };
  for (const [name, value] of Object.entries(script.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  return {
    status,
    statusText: script.statusText === undefined ? undefined : toReasonPhrase(script.statusText),
    headers,
    writes: planWrites(script, status, defaults),
    delayMs: script.delayMs ?? defaults.delayMs,
    headersDelayMs: script.headersDelayMs ?? 0,
    fault: planFault(script),
  };
}
