import { planReply, type ReplyDefaults, type ReplyPlan } from '../reply/reply-plan.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { geminiErrorBody } from './gemini-error.js';

/** The content type of the Gemini API's JSON answers, errors included. */
export const GEMINI_JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

const hasContent = (script: ReplyScript): boolean =>
  script.text !== undefined || script.body !== undefined || script.chunks !== undefined;

/**
 * Resolves a script for a Gemini route into a plan, the way Google answers errors:
 * `upstreamError` becomes a 500 `INTERNAL` error carrying the reason; a status ≥ 400 without
 * content gets Google's error JSON (`{"error":{"code","message","status"}}`) whose message is
 * the status text (or the standard phrase). Everything else is {@link planReply}'s.
 *
 * @param script - the (checked) script.
 * @param defaults - the route's content type, 2xx reply and the server's delay.
 * @returns the plan for the reply writer.
 * @example
 * ```ts
 * planGeminiReply({ status: 429 }, defaults).headers['content-type']; // 'application/json; charset=UTF-8'
 * ```
 */
export function planGeminiReply(script: ReplyScript, defaults: ReplyDefaults): ReplyPlan {
  const json = { ...defaults, contentType: GEMINI_JSON_CONTENT_TYPE };
  if (script.upstreamError !== undefined) {
    const chunks = [geminiErrorBody(500, script.upstreamError)];
    return planReply({ ...script, status: 500, statusText: script.upstreamError, chunks }, json);
  }
  const status = script.status ?? 200;
  if (status < 400) return planReply(script, defaults);
  if (hasContent(script)) return planReply(script, json);
  return planReply({ ...script, chunks: [geminiErrorBody(status, script.statusText)] }, json);
}
