import { STATUS_CODES } from 'node:http';
import { planReply, type ReplyDefaults, type ReplyPlan } from '../reply/reply-plan.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { anthropicErrorBody, anthropicErrorType } from './anthropic-error.js';

const JSON_TYPE = 'application/json';

const hasContent = (script: ReplyScript): boolean =>
  script.text !== undefined || script.body !== undefined || script.chunks !== undefined;

/**
 * Resolves a script for the Anthropic route into a plan, the way Anthropic answers errors:
 * `upstreamError` becomes a 500 `api_error` carrying the reason; a status ≥ 400 without
 * content gets Anthropic's error JSON (its type by status: 429 `rate_limit_error`, 529
 * `overloaded_error`...), the message being the status text. The rest is `planReply`'s.
 *
 * @param script - the (checked) script.
 * @param defaults - the route's content type, 2xx reply and the server's delay.
 * @returns the plan for the reply writer.
 * @example
 * ```ts
 * planAnthropicReply({ status: 529 }, defaults).writes; // the overloaded_error JSON
 * ```
 */
export function planAnthropicReply(script: ReplyScript, defaults: ReplyDefaults): ReplyPlan {
  const json = { ...defaults, contentType: JSON_TYPE };
  if (script.upstreamError !== undefined) {
    const body = anthropicErrorBody('api_error', script.upstreamError);
    return planReply(
      { ...script, status: 500, statusText: script.upstreamError, chunks: [body] },
      json,
    );
  }
  const status = script.status ?? 200;
  if (status < 400) return planReply(script, defaults);
  if (hasContent(script)) return planReply(script, json);
  const message = script.statusText ?? STATUS_CODES[status] ?? `HTTP ${status}`;
  const body = anthropicErrorBody(anthropicErrorType(status), message);
  return planReply({ ...script, chunks: [body] }, json);
}
