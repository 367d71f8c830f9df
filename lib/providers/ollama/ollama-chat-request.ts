import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type ByteRequest } from '../../http/byte-request.js';
import type { ChatMessage, Messages } from '../../messages/chat-message.js';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import { describeValue } from '../../validation/describe-value.js';
import { encodeRequestBody } from '../../validation/encode-request-body.js';
import type { OllamaCompletionOptions } from './ollama-options.js';
import { ollamaToolFields } from './ollama-tool-fields.js';
import { ollamaWireMessages } from './ollama-wire-messages.js';

/** What every request of one Ollama provider shares. */
export interface OllamaEndpoint {
  /** The provider's name. */
  readonly provider: string;
  /** The server's root, without a trailing slash. */
  readonly baseURL: string;
  /** Headers sent with every request (the key and the user's own). */
  readonly headers: Readonly<Record<string, string>>;
  /** The axios instance, when the user gave one. */
  readonly axios: AxiosInstanceLike | undefined;
  /** Origins redirects may lead to besides the base URL's. */
  readonly allowedRedirectOrigins: readonly string[] | undefined;
  /** The bound on a body read whole. @default 16 MiB */
  readonly maxResponseBytes: number | undefined;
}

/** Ollama streams `application/x-ndjson`; proxies may relabel it. */
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json'];
const JSON_TYPES = ['application/json'];

/** `options`: the sampling fields given, over the pass-through body's own `options`. */
function modelOptions(options: OllamaCompletionOptions): Record<string, unknown> | undefined {
  const passed = options.body?.options;
  const named = {
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { num_predict: options.maxTokens }),
    ...(options.stop === undefined
      ? {}
      : { stop: typeof options.stop === 'string' ? [options.stop] : options.stop }),
  };
  const base = typeof passed === 'object' && passed !== null ? passed : {};
  const merged = { ...base, ...named };
  return Object.keys(merged).length === 0 ? undefined : merged;
}

const THINK_LEVELS: readonly unknown[] = [true, false, 'high', 'medium', 'low'];

/** Checks the options only Ollama has: `think` and `keepAlive`. */
function checkOllamaOptions(options: OllamaCompletionOptions, provider: string): void {
  const { think, keepAlive } = options as { think?: unknown; keepAlive?: unknown };
  if (think !== undefined && !THINK_LEVELS.includes(think)) {
    const reason = `must be a boolean or 'high', 'medium', 'low', got ${describeValue(think)}`;
    throw new InvalidRequestError({ provider, field: 'think', reason });
  }
  const validKeepAlive =
    typeof keepAlive === 'string' || (typeof keepAlive === 'number' && Number.isFinite(keepAlive));
  if (keepAlive !== undefined && !validKeepAlive) {
    const reason = `must be a duration ('5m') or a number of seconds, got ${describeValue(keepAlive)}`;
    throw new InvalidRequestError({ provider, field: 'keepAlive', reason });
  }
}

function chatBody(
  endpoint: OllamaEndpoint,
  model: string,
  messages: Messages,
  stream: boolean,
  options: OllamaCompletionOptions,
): Record<string, unknown> {
  const system: ChatMessage[] =
    options.systemMessage === undefined ? [] : [{ role: 'system', content: options.systemMessage }];
  const sampling = modelOptions(options);
  return {
    ...options.body,
    model,
    messages: ollamaWireMessages([...system, ...messages], endpoint.provider),
    stream,
    ...(sampling === undefined ? {} : { options: sampling }),
    ...ollamaToolFields(options, endpoint.provider),
    ...(options.think === undefined ? {} : { think: options.think }),
    ...(options.keepAlive === undefined ? {} : { keep_alive: options.keepAlive }),
  };
}

/**
 * Describes `POST {baseURL}/api/chat`: the conversation (system message first when one is
 * given), `stream`, the sampling options in `options` (`temperature`, `num_predict`, `stop`),
 * `tools`, `format`, `think`, `keep_alive`, and the pass-through body fields (which the named
 * options override).
 *
 * The encoded body is bounded by `maxInputBytes` (see `encodeRequestBody`).
 *
 * @param endpoint - the provider's base URL, headers and axios instance.
 * @param model - the model name, sent as it is.
 * @param messages - the conversation.
 * @param stream - whether to ask for an NDJSON stream.
 * @param options - the completion options.
 * @returns the request.
 * @throws `InvalidRequestError` for what Ollama cannot carry, a `think` or `keepAlive` of the
 *   wrong type, or a body over `maxInputBytes`.
 * @example
 * ```ts
 * requestBytes(ollamaChatRequest(endpoint, 'llama3.2', messages, true, {}));
 * ```
 */
export function ollamaChatRequest(
  endpoint: OllamaEndpoint,
  model: string,
  messages: Messages,
  stream: boolean,
  options: OllamaCompletionOptions,
): ByteRequest {
  checkOllamaOptions(options, endpoint.provider);
  const body = encodeRequestBody({
    provider: endpoint.provider,
    json: chatBody(endpoint, model, messages, stream, options),
    parts: {
      model,
      messages: messages.map(({ role, content }) => [role, content]),
      systemMessage: options.systemMessage,
      stop: options.stop,
      tools: options.tools,
      body: options.body,
    },
    maxInputBytes: options.maxInputBytes,
  });
  return {
    provider: endpoint.provider,
    method: 'POST',
    url: `${endpoint.baseURL}/api/chat`,
    headers: {
      'content-type': 'application/json',
      accept: stream ? 'application/x-ndjson' : 'application/json',
      ...endpoint.headers,
    },
    body,
    axios: endpoint.axios,
    allowedRedirectOrigins: endpoint.allowedRedirectOrigins,
    accept: { contentTypes: stream ? NDJSON_TYPES : JSON_TYPES },
    maxResponseBytes: stream
      ? undefined
      : (endpoint.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
  };
}
