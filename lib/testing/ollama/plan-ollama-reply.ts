import { STATUS_CODES } from 'node:http';

import { planReply, type ReplyDefaults, type ReplyPlan } from '../reply/reply-plan.js';
import type { ReplyScript } from '../reply/reply-script.js';

/** The content type of Ollama's JSON answers, errors included. */
export const OLLAMA_JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Ollama streams NDJSON. */
export const OLLAMA_NDJSON_CONTENT_TYPE = 'application/x-ndjson';

const hasContent = (script: ReplyScript): boolean =>
  script.text !== undefined || script.body !== undefined || script.chunks !== undefined;

/**
 * Ollama's error body: `{"error":"<message>"}`.
 *
 * @param message - what went wrong.
 * @returns the JSON text.
 * @example
 * ```ts
 * ollamaErrorBody('model "x" not found'); // '{"error":"model \"x\" not found"}'
 * ```
 */
export const ollamaErrorBody = (message: string): string => JSON.stringify({ error: message });

/**
 * Resolves a script for an Ollama route into a plan, the way Ollama answers errors:
 * `upstreamError` becomes a 500 whose `{"error"}` is the reason; a status ≥ 400 without
 * content gets `{"error": <status text>}`. Everything else is `planReply`'s.
 *
 * @param script - the (checked) script.
 * @param defaults - the route's content type, 2xx reply and the server's delay.
 * @returns the plan for the reply writer.
 * @example
 * ```ts
 * planOllamaReply({ status: 404, statusText: 'model "x" not found' }, defaults);
 * ```
 */
export function planOllamaReply(script: ReplyScript, defaults: ReplyDefaults): ReplyPlan {
  const json = { ...defaults, contentType: OLLAMA_JSON_CONTENT_TYPE };
  if (script.upstreamError !== undefined) {
    const chunks = [ollamaErrorBody(script.upstreamError)];
    return planReply({ ...script, status: 500, statusText: script.upstreamError, chunks }, json);
  }
  const status = script.status ?? 200;
  if (status < 400) return planReply(script, defaults);
  if (hasContent(script)) return planReply(script, json);
  const message = script.statusText ?? STATUS_CODES[status] ?? `HTTP ${String(status)}`;
  return planReply({ ...script, chunks: [ollamaErrorBody(message)] }, json);
}
