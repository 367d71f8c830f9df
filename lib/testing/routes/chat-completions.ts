import { chatCompletionEvents } from '../openai/chat-completion-events.js';
import { chatCompletionJson } from '../openai/chat-completion-json.js';
import {
  parseChatCompletionsBody,
  type ChatCompletionsBody,
} from '../openai/chat-completions-body.js';
import { newCompletionIdentity } from '../openai/completion-identity.js';
import { completeReply } from '../openai/completion-reply.js';
import { openAIErrorBody } from '../openai/openai-error.js';
import { JSON_CONTENT_TYPE, planOpenAIReply } from '../openai/plan-openai-reply.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';
import { requireApiKey } from './require-api-key.js';

/** OpenAI streams as `text/event-stream` (WHATWG HTML §9.2), UTF-8. */
const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/** The writes of a 2xx reply: SSE events for a stream, one `chat.completion` JSON otherwise. */
function replyPieces(exchange: Exchange, body: ChatCompletionsBody, script: ReplyScript): string[] {
  const completion = completeReply(script, body);
  const identity = newCompletionIdentity(body.model, exchange.request.receivedAt);
  if (!body.stream) return [chatCompletionJson(identity, completion)];
  return chatCompletionEvents(identity, completion, {
    includeUsage: body.includeUsage,
    streamError: script.streamError,
    omitDone: script.omitDone === true,
  });
}

async function handleChatCompletions(exchange: Exchange, config: LoopbackRouteConfig) {
  if (!(await requireApiKey(exchange, config.apiKey))) return;
  const parsed = parseChatCompletionsBody(exchange.request.body);
  if (!parsed.ok) {
    const refusal = { status: 400, chunks: [openAIErrorBody(parsed.error)] };
    const defaults = { contentType: JSON_CONTENT_TYPE, delayMs: 0, pieces: [] };
    await writeReply(exchange, planOpenAIReply(refusal, defaults));
    return;
  }
  const { body } = parsed;
  const script = exchange.takeScript() ?? {};
  // An error status sends `text` as it is; `body` and `chunks` are always sent as they are.
  const raw =
    (script.status ?? 200) >= 400 || script.body !== undefined || script.chunks !== undefined;
  const pieces = raw ? [] : replyPieces(exchange, body, script);
  // The text became `pieces` (SSE events or JSON); `chunks` take precedence over `text`.
  const effective = script.text === undefined || raw ? script : { ...script, chunks: pieces };
  const defaults = {
    contentType: body.stream ? SSE_CONTENT_TYPE : JSON_CONTENT_TYPE,
    delayMs: exchange.delayMs,
    pieces,
  };
  const plan = planOpenAIReply(effective, defaults);
  const headers = body.stream ? { 'cache-control': 'no-cache', ...plan.headers } : plan.headers;
  await writeReply(exchange, { ...plan, headers });
}

/**
 * `POST /v1/chat/completions`, OpenAI's chat completions as OpenAI-compatible servers speak
 * them: checks the key (401) and the body (400, OpenAI's error JSON), then answers the next
 * script, or by default `defaultOpenAIReply`'s (a tool call when tools are offered, JSON for
 * `response_format`, an answer from tool results, else `composeDefaultReply`'s markdown),
 * cut by `stop` and `max_tokens` (tokens are words, see `countTokens`).
 *
 * With `stream: true` the reply is SSE, one event per write, the server's `delayMs` apart:
 * the role chunk, one chunk per token of reasoning and of text, the tool calls' chunks, the
 * finish chunk (`tool_calls` when it calls tools, `length` when `max_tokens` cut it, else
 * `stop`), the usage chunk when `stream_options.include_usage`, `data: [DONE]`
 * (see `chatCompletionEvents`). Otherwise one `chat.completion` JSON with `message`,
 * `finish_reason` and `usage`. A script's `text`, `reasoning` and `toolCalls` replace the
 * default reply (and are streamed the same way; see `completeReply`); `body` and `chunks` are sent as they are; `streamError` and
 * `omitDone` alter the stream's end; errors follow `planOpenAIReply`.
 *
 * @param config - the server's key.
 * @returns the route.
 * @example
 * ```ts
 * const response = await fetch(`${server.url}/v1/chat/completions`, {
 *   method: 'POST',
 *   body: JSON.stringify({ model: 'gpt-4', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
 * });
 * ```
 */
export function createChatCompletionsRoute(config: LoopbackRouteConfig): Route {
  return {
    method: 'POST',
    path: '/v1/chat/completions',
    handle: (exchange) => handleChatCompletions(exchange, config),
  };
}
