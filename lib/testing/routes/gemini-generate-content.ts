import { geminiErrorBody } from '../gemini/gemini-error.js';
import { composeGeminiReply } from '../gemini/gemini-reply.js';
import { parseGeminiBody, type GeminiRequestBody } from '../gemini/gemini-request-body.js';
import { geminiStreamResponses, geminiWholeResponse } from '../gemini/gemini-responses.js';
import { GEMINI_JSON_CONTENT_TYPE, planGeminiReply } from '../gemini/plan-gemini-reply.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';

const SSE_CONTENT_TYPE = 'text/event-stream';
const MODEL_PATH = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/;

/** The model of the URL, percent-decoded (the client encodes it as one path segment). */
function modelOf(exchange: Exchange): string {
  const { pathname } = new URL(exchange.request.path, 'http://loopback.invalid');
  const encoded = MODEL_PATH.exec(pathname)?.[1] ?? '';
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** Refuses a request as Google does: a status and its error JSON; takes no script. */
async function refuse(exchange: Exchange, status: number, message: string): Promise<void> {
  const defaults = { contentType: GEMINI_JSON_CONTENT_TYPE, delayMs: 0, pieces: [] };
  await writeReply(
    exchange,
    planGeminiReply({ status, chunks: [geminiErrorBody(status, message)] }, defaults),
  );
}

function replyPieces(
  exchange: Exchange,
  body: GeminiRequestBody,
  script: ReplyScript,
  stream: boolean,
): string[] {
  const model = modelOf(exchange);
  const reply = composeGeminiReply(body, model, script);
  const identity = {
    modelVersion: model,
    responseId: `loopback-${exchange.request.receivedAt.toString(36)}`,
  };
  if (!stream) return [geminiWholeResponse(identity, reply)];
  return geminiStreamResponses(identity, reply, {
    streamError: script.streamError,
    omitFinish: script.omitDone === true,
  });
}

async function handle(exchange: Exchange, config: LoopbackRouteConfig, stream: boolean) {
  const key = exchange.request.headers['x-goog-api-key'];
  if (config.apiKey !== undefined && key !== config.apiKey) {
    // Google's own answers: no key is 403, a wrong one 400.
    if (key === undefined) {
      await refuse(
        exchange,
        403,
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    } else await refuse(exchange, 400, 'API key not valid. Please pass a valid API key.');
    return;
  }
  const parsed = parseGeminiBody(exchange.request.body);
  if (!parsed.ok) {
    await refuse(exchange, 400, parsed.message);
    return;
  }
  const script = exchange.takeScript() ?? {};
  const raw =
    (script.status ?? 200) >= 400 || script.body !== undefined || script.chunks !== undefined;
  const pieces = raw ? [] : replyPieces(exchange, parsed.body, script, stream);
  // The reply became `pieces`; `text` must not replace them as a raw body.
  const effective = script.text === undefined || raw ? script : { ...script, chunks: pieces };
  const defaults = {
    contentType: stream ? SSE_CONTENT_TYPE : GEMINI_JSON_CONTENT_TYPE,
    delayMs: exchange.delayMs,
    pieces,
  };
  await writeReply(exchange, planGeminiReply(effective, defaults));
}

/**
 * `POST /v1beta/models/{model}:streamGenerateContent` and `:generateContent`, the Gemini API
 * (so `new Gemini({ baseURL: server.url + '/v1beta' })` and the official client with
 * `httpOptions.baseUrl` talk to it). When the server has an `apiKey`, it must come in
 * `x-goog-api-key` (none: 403, wrong: 400, Google's error JSON); the body is checked as
 * `parseGeminiBody` says (400 `INVALID_ARGUMENT`).
 *
 * The reply (see `composeGeminiReply`): the script's `reasoning`, `text` and `toolCalls`, else
 * the default reply describing the request, or a call of its first tool. Streamed as SSE,
 * one `GenerateContentResponse` per word (see `geminiStreamResponses`; `streamError` ends it
 * with an error event, `omitDone` leaves the finish reason out); otherwise one JSON response.
 * Errors follow `planGeminiReply`; timing and faults work as on every route.
 *
 * @param config - the server's key.
 * @returns the two routes.
 * @example
 * ```ts
 * const gemini = new Gemini({ baseURL: `${server.url}/v1beta` });
 * ```
 */
export function createGeminiRoutes(config: LoopbackRouteConfig): readonly Route[] {
  return [
    {
      method: 'POST',
      path: '/v1beta/models/{model}:streamGenerateContent',
      pattern: /^\/v1beta\/models\/[^/:]+:streamGenerateContent$/,
      handle: (exchange) => handle(exchange, config, true),
    },
    {
      method: 'POST',
      path: '/v1beta/models/{model}:generateContent',
      pattern: /^\/v1beta\/models\/[^/:]+:generateContent$/,
      handle: (exchange) => handle(exchange, config, false),
    },
  ];
}
