import { randomUUID } from 'node:crypto';
import { anthropicErrorBody } from '../anthropic/anthropic-error.js';
import { anthropicReply } from '../anthropic/anthropic-reply.js';
import { messageEvents, messageJson } from '../anthropic/message-events.js';
import { parseMessagesBody, type MessagesBody } from '../anthropic/messages-body.js';
import { planAnthropicReply } from '../anthropic/plan-anthropic-reply.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';

const JSON_TYPE = 'application/json';
const SSE_TYPE = 'text/event-stream; charset=utf-8';

async function refuse(exchange: Exchange, status: number, type: string, message: string) {
  const plan = planAnthropicReply(
    { status, chunks: [anthropicErrorBody(type, message)] },
    { contentType: JSON_TYPE, delayMs: 0, pieces: [] },
  );
  await writeReply(exchange, plan);
}

/** The headers check: the key (when the server has one), then `anthropic-version`. */
function headerRefusal(exchange: Exchange, apiKey: string | undefined) {
  const { headers } = exchange.request;
  // The key in `x-api-key`, or as a bearer token (what the official SDK 1.x sends).
  const bearer = /^Bearer +(\S+) *$/i.exec(headers.authorization ?? '')?.[1];
  const key = headers['x-api-key'] ?? bearer;
  if (apiKey !== undefined && key !== apiKey) {
    const message = key === undefined ? 'x-api-key header is required' : 'invalid x-api-key';
    return { status: 401, type: 'authentication_error', message };
  }
  if (!headers['anthropic-version']) {
    return {
      status: 400,
      type: 'invalid_request_error',
      message: 'anthropic-version: header is required',
    };
  }
  return undefined;
}

function replyPieces(body: MessagesBody, script: ReplyScript): string[] {
  const reply = anthropicReply(body, script);
  const id = `msg_loopback_${randomUUID().replaceAll('-', '')}`;
  if (!body.stream) return [messageJson(reply, id, body.model)];
  return messageEvents(reply, {
    id,
    model: body.model,
    streamError: script.streamError,
    omitStop: script.omitDone === true,
  });
}

async function handleMessages(exchange: Exchange, config: LoopbackRouteConfig): Promise<void> {
  const refusal = headerRefusal(exchange, config.apiKey);
  if (refusal) return refuse(exchange, refusal.status, refusal.type, refusal.message);
  const parsed = parseMessagesBody(exchange.request.body);
  if (!parsed.ok) return refuse(exchange, 400, 'invalid_request_error', parsed.message);
  const { body } = parsed;
  const script = exchange.takeScript() ?? {};
  const raw =
    (script.status ?? 200) >= 400 || script.body !== undefined || script.chunks !== undefined;
  const pieces = raw ? [] : replyPieces(body, script);
  // The text became `pieces` (SSE events or JSON); `chunks` take precedence over `text`.
  const effective = script.text === undefined || raw ? script : { ...script, chunks: pieces };
  const plan = planAnthropicReply(effective, {
    contentType: body.stream ? SSE_TYPE : JSON_TYPE,
    delayMs: exchange.delayMs,
    pieces,
  });
  const headers = body.stream ? { 'cache-control': 'no-cache', ...plan.headers } : plan.headers;
  await writeReply(exchange, { ...plan, headers });
}

/**
 * `POST /v1/messages`, Anthropic's Messages API: checks the key when the server has one
 * (`x-api-key`, or `authorization: Bearer` as the official SDK 1.x sends it; else 401
 * `authentication_error`), `anthropic-version` (400) and the body (400
 * `invalid_request_error`, see `parseMessagesBody`), then answers the next script, or by
 * default the reply `anthropicReply` composes (a call of the first tool offered, else the
 * markdown describing the request).
 *
 * With `stream: true` the reply is named SSE events, one per write, the server's `delayMs`
 * apart (see `messageEvents`); otherwise one `Message` JSON. A script's `text`, `reasoning`
 * and `toolCalls` shape the reply; `streamError` ends the stream with an `overloaded_error`
 * event; `omitDone` leaves out `message_stop`; `body` and `chunks` are sent as they are;
 * errors are Anthropic's JSON (`{"type":"error","error":{"type","message"}}`, its type by
 * status: 429 `rate_limit_error`, 529 `overloaded_error`...).
 *
 * @param config - the server's key.
 * @returns the route.
 * @example
 * ```ts
 * const response = await fetch(`${server.url}/v1/messages`, {
 *   method: 'POST',
 *   headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
 *   body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }], stream: true }),
 * });
 * ```
 */
export function createAnthropicMessagesRoute(config: LoopbackRouteConfig): Route {
  return {
    method: 'POST',
    path: '/v1/messages',
    handle: (exchange) => handleMessages(exchange, config),
  };
}
