import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type ByteRequest } from '../../http/byte-request.js';
import type { Messages } from '../../messages/chat-message.js';
import { encodeRequestBody } from '../../validation/encode-request-body.js';
import {
  DEFAULT_ANTHROPIC_MAX_TOKENS,
  type AnthropicCompletionOptions,
} from './anthropic-options.js';
import { anthropicToolFields } from './anthropic-tool-fields.js';
import { anthropicConversation } from './anthropic-wire-messages.js';

/** What every request of one Anthropic provider shares. */
export interface AnthropicEndpoint {
  /** The provider's name. */
  readonly provider: string;
  /** The API root (without `/v1`), without a trailing slash. */
  readonly baseURL: string;
  /** The `anthropic-version` header. */
  readonly version: string;
  /** Headers sent with every request (the key and the user's own). */
  readonly headers: Readonly<Record<string, string>>;
  /** The axios instance, when the user gave one. */
  readonly axios: AxiosInstanceLike | undefined;
  /** Origins redirects may lead to besides the base URL's. */
  readonly allowedRedirectOrigins: readonly string[] | undefined;
  /** The bound on a body read whole. @default 16 MiB */
  readonly maxResponseBytes: number | undefined;
}

/** The first API version without `temperature`, `top_p` and `top_k`. */
const NO_SAMPLING_VERSION = '2026-10-21';

function samplingFields(
  endpoint: AnthropicEndpoint,
  options: AnthropicCompletionOptions,
): Record<string, unknown> {
  if (options.temperature === undefined) return {};
  // API versions are dates: they compare as text.
  if (endpoint.version >= NO_SAMPLING_VERSION) {
    const reason = `is not accepted by anthropic-version ${endpoint.version} (removed in ${NO_SAMPLING_VERSION})`;
    throw new InvalidRequestError({ provider: endpoint.provider, field: 'temperature', reason });
  }
  return { temperature: options.temperature };
}

function messagesBody(
  endpoint: AnthropicEndpoint,
  model: string,
  messages: Messages,
  stream: boolean,
  options: AnthropicCompletionOptions,
): Record<string, unknown> {
  const { provider } = endpoint;
  const conversation = anthropicConversation(messages, options.systemMessage, provider);
  const { stop } = options;
  return {
    ...options.body,
    model,
    max_tokens: options.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    ...(conversation.system === undefined ? {} : { system: conversation.system }),
    messages: conversation.messages,
    ...(stream ? { stream: true } : {}),
    ...samplingFields(endpoint, options),
    ...(stop === undefined ? {} : { stop_sequences: typeof stop === 'string' ? [stop] : stop }),
    ...anthropicToolFields(options, provider),
  };
}

/**
 * Describes `POST {baseURL}/v1/messages` with `x-api-key` (in the endpoint's headers),
 * `anthropic-version` and a JSON body: the model, `max_tokens` (4096 unless `maxTokens`), the
 * system prompt, the conversation, `stream: true` when streaming, `temperature`,
 * `stop_sequences`, the tool, output and thinking fields, and the pass-through `body` fields
 * (which the named options override).
 *
 * @param endpoint - the provider's base URL, version, headers and axios instance.
 * @param model - the model name, sent as it is.
 * @param messages - the conversation.
 * @param stream - whether to ask for an SSE stream.
 * @param options - the completion options.
 * @returns the request.
 * @throws `InvalidRequestError` for what the Messages API cannot carry, or a body over
 *   `maxInputBytes`.
 * @example
 * ```ts
 * const request = messagesRequest(endpoint, 'claude-sonnet-4-5', [{ role: 'user', content: 'Hi' }], true, {});
 * request.url; // 'https://api.anthropic.com/v1/messages'
 * ```
 */
export function messagesRequest(
  endpoint: AnthropicEndpoint,
  model: string,
  messages: Messages,
  stream: boolean,
  options: AnthropicCompletionOptions,
): ByteRequest {
  const body = encodeRequestBody({
    provider: endpoint.provider,
    json: messagesBody(endpoint, model, messages, stream, options),
    parts: {
      model,
      messages,
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
    url: `${endpoint.baseURL}/v1/messages`,
    headers: {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
      'anthropic-version': endpoint.version,
      ...endpoint.headers,
    },
    body,
    axios: endpoint.axios,
    allowedRedirectOrigins: endpoint.allowedRedirectOrigins,
    accept: { contentTypes: [stream ? 'text/event-stream' : 'application/json'] },
    maxResponseBytes: stream
      ? undefined
      : (endpoint.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
  };
}
