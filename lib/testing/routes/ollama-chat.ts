import { parseOllamaChatBody } from '../ollama/ollama-chat-body.js';
import { ollamaChatLines, ollamaChatObject } from '../ollama/ollama-chat-lines.js';
import {
  OLLAMA_JSON_CONTENT_TYPE,
  OLLAMA_NDJSON_CONTENT_TYPE,
  ollamaErrorBody,
  planOllamaReply,
} from '../ollama/plan-ollama-reply.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';

/** Where the Ollama twin lives: `/api/chat` is the Aivvm (chatbot-ui) route's. */
export const OLLAMA_PREFIX = '/ollama';

/** The bearer token of an `authorization` header, if it has one. */
const bearerToken = (header: string | undefined): string | undefined =>
  header === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(header)?.[1];

/**
 * Answers 401 `{"error":"unauthorized"}` when the server has a key and the request does not
 * carry it as `authorization: Bearer` (Ollama's cloud and its proxies check a bearer key).
 *
 * @param exchange - the request in flight.
 * @param apiKey - the server's key, or `undefined` to let every request through.
 * @returns `true` when the request may go on.
 * @example
 * ```ts
 * if (!(await requireOllamaKey(exchange, config.apiKey))) return;
 * ```
 */
export async function requireOllamaKey(
  exchange: Exchange,
  apiKey: string | undefined,
): Promise<boolean> {
  if (apiKey === undefined || bearerToken(exchange.request.headers.authorization) === apiKey) {
    return true;
  }
  const defaults = { contentType: OLLAMA_JSON_CONTENT_TYPE, delayMs: 0, pieces: [] };
  await writeReply(
    exchange,
    planOllamaReply({ status: 401, statusText: 'unauthorized' }, defaults),
  );
  return false;
}

async function handleOllamaChat(exchange: Exchange, config: LoopbackRouteConfig): Promise<void> {
  if (!(await requireOllamaKey(exchange, config.apiKey))) return;
  const parsed = parseOllamaChatBody(exchange.request.body);
  if (!parsed.ok) {
    const refusal = { status: 400, chunks: [ollamaErrorBody(parsed.error)] };
    const defaults = { contentType: OLLAMA_JSON_CONTENT_TYPE, delayMs: 0, pieces: [] };
    await writeReply(exchange, planOllamaReply(refusal, defaults));
    return;
  }
  const { body } = parsed;
  const script = exchange.takeScript() ?? {};
  const raw =
    (script.status ?? 200) >= 400 || script.body !== undefined || script.chunks !== undefined;
  const pieces = raw
    ? []
    : body.stream
      ? ollamaChatLines(body, script)
      : [ollamaChatObject(body, script)];
  // The text became `pieces` (NDJSON lines or JSON); `chunks` take precedence over `text`.
  const effective = script.text === undefined || raw ? script : { ...script, chunks: pieces };
  const defaults = {
    contentType: body.stream ? OLLAMA_NDJSON_CONTENT_TYPE : OLLAMA_JSON_CONTENT_TYPE,
    delayMs: exchange.delayMs,
    pieces,
  };
  await writeReply(exchange, planOllamaReply(effective, defaults));
}

/**
 * `POST /ollama/api/chat`, a twin of Ollama's native chat API (served under `/ollama`, so a
 * client's base URL is `${server.url}/ollama`): checks the key when the server has one (401),
 * the body (400, `{"error": "..."}`), then answers the next script, or by default
 * `composeDefaultReply`'s markdown (or a call of the first tool offered, see
 * `defaultToolCall`), cut by `options.stop` and `options.num_predict`.
 *
 * With `stream: true` (Ollama's default) the reply is NDJSON (`application/x-ndjson`), one
 * line per write, the server's `delayMs` apart (see `ollamaChatLines`); otherwise one JSON
 * object. A script's `text`, `reasoning` and `toolCalls` replace the default content (and are
 * streamed the same way); `body` and `chunks` are sent as they are; `streamError` and
 * `omitDone` alter the stream's end; errors are Ollama's `{"error"}` JSON.
 *
 * @param config - the server's key.
 * @returns the route.
 * @example
 * ```ts
 * const ollama = new Ollama({ baseURL: `${server.url}/ollama` });
 * ```
 */
export function createOllamaChatRoute(config: LoopbackRouteConfig): Route {
  return {
    method: 'POST',
    path: `${OLLAMA_PREFIX}/api/chat`,
    handle: (exchange) => handleOllamaChat(exchange, config),
  };
}
