import { STATUS_CODES } from 'node:http';

import { planReply, type ReplyPlan } from '../reply/reply-plan.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { openAIErrorBody, openAIErrorFor } from './openai-error.js';

/** The content type of OpenAI's JSON answers, errors included. */
export const JSON_CONTENT_TYPE = 'application/json';

const hasContent = (script: ReplyScript): boolean =>
  script.text !== undefined || script.body !== undefined || script.chunks !== undefined;

/** What an OpenAI route gives {@link planOpenAIReply} besides the script. */
export interface OpenAIReplyDefaults {
  /** The content type of a 2xx reply (errors are JSON). */
  readonly contentType: string;
  /** The server's delay between writes. */
  readonly delayMs: number;
  /** The route's 2xx reply, already split into writes. */
  readonly pieces: readonly string[];
}

/**
 * Resolves a script for an OpenAI route (`/v1/...`) into a plan, the way OpenAI answers
 * errors: `upstreamError` becomes a 500 whose OpenAI error (`server_error`) carries the
 * reason; a status ≥ 400 without content gets an OpenAI error JSON body whose message is the
 * status text (or the standard phrase). Everything else is {@link planReply}'s, so timing,
 * headers and faults work as on every route.
 *
 * @param script - the (checked) script.
 * @param defaults - the route's content type, 2xx reply and the server's delay.
 * @returns the plan for the reply writer.
 * @example
 * ```ts
 * planOpenAIReply({ status: 429, headers: { 'retry-after': '1' } }, defaults).headers['content-type']; // 'application/json'
 * ```
 */
export function planOpenAIReply(script: ReplyScript, defaults: OpenAIReplyDefaults): ReplyPlan {
  const json = { ...defaults, contentType: JSON_CONTENT_TYPE };
  if (script.upstreamError !== undefined) {
    const body = openAIErrorBody(openAIErrorFor(500, script.upstreamError));
    return planReply(
      { ...script, status: 500, statusText: script.upstreamError, chunks: [body] },
      json,
    );
  }
  const status = script.status ?? 200;
  if (status < 400) return planReply(script, defaults);
  if (hasContent(script)) return planReply(script, json);
  const message = script.statusText ?? STATUS_CODES[status] ?? `HTTP ${status}`;
  return planReply({ ...script, chunks: [openAIErrorBody(openAIErrorFor(status, message))] }, json);
}
