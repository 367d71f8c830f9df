import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type ByteRequest } from '../../http/byte-request.js';
import type { ChatMessage, Messages } from '../../messages/chat-message.js';
import { openAIToolFields } from './openai-tool-fields.js';
import { openAIWireMessage } from './openai-wire-message.js';
import { encodeRequestBody } from '../../validation/encode-request-body.js';
import type { OpenAICompletionOptions } from './openai-compatible-options.js';

/** What every request of one provider shares. */
export interface OpenAIEndpoint {
  /** The provider's name. */
  readonly provider: string;
  /** The API root, without a trailing slash. */
  readonly baseURL: string;
  /** Headers sent with every request (the key and the user's own). */
  readonly headers: Readonly<Record<string, string>>;
  /** The axios instance, when the user gave one. */
  readonly axios: AxiosInstanceLike | undefined;
  /** Origins redirects may lead to besides the base URL's. */
  readonly allowedRedirectOrigins?: readonly string[] | undefined;
  /** The bound on a body read whole. @default 16 MiB */
  readonly maxResponseBytes?: number | undefined;
}

const JSON_TYPES = ['application/json'];
const SSE_TYPES = ['text/event-stream'];

/** What every request of the endpoint shares: axios, redirects allowed, the accepted reply. */
function transport(endpoint: OpenAIEndpoint, stream: boolean): Partial<ByteRequest> {
  return {
    axios: endpoint.axios,
    allowedRedirectOrigins: endpoint.allowedRedirectOrigins,
    accept: { contentTypes: stream ? SSE_TYPES : JSON_TYPES },
    maxResponseBytes: stream
      ? undefined
      : (endpoint.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
  };
}

function chatBody(
  model: string,
  messages: readonly Record<string, unknown>[],
  stream: boolean,
  options: OpenAICompletionOptions,
): Record<string, unknown> {
  return {
    ...options.body,
    model,
    messages,
    stream,
    ...(stream && options.includeUsage !== false
      ? { stream_options: { include_usage: true } }
      : {}),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
    ...(options.stop === undefined ? {} : { stop: options.stop }),
    ...openAIToolFields(options),
  };
}

/**
 * Describes `POST {baseURL}/chat/completions`: the conversation (system message first when
 * one is given), `stream`, usage reporting, the sampling options, and the pass-through body
 * fields (which the named options override; `model`, `messages` and `stream` are refused in
 * `body` before this is called).
 *
 * The encoded body is bounded by `maxInputBytes` (see `encodeRequestBody`): past it, an
 * `InvalidRequestError` is thrown and nothing is described.
 *
 * @param endpoint - the provider's base URL, headers and axios instance.
 * @param model - the model name, sent as it is.
 * @param messages - the conversation.
 * @param stream - whether to ask for an SSE stream.
 * @param options - the completion options.
 * @returns the request.
 * @throws `InvalidRequestError` when the body is over `maxInputBytes` or cannot be encoded.
 */
export function chatCompletionsRequest(
  endpoint: OpenAIEndpoint,
  model: string,
  messages: Messages,
  stream: boolean,
  options: OpenAICompletionOptions,
): ByteRequest {
  const system: ChatMessage[] =
    options.systemMessage === undefined ? [] : [{ role: 'system', content: options.systemMessage }];
  const sent = [...system, ...messages].map(openAIWireMessage);
  const body = encodeRequestBody({
    provider: endpoint.provider,
    json: chatBody(model, sent, stream, options),
    parts: {
      model,
      messages: messages.map(({ role, content }) => [role, content]),
      systemMessage: options.systemMessage,
      stop: options.stop,
      body: options.body,
    },
    maxInputBytes: options.maxInputBytes,
  });
  return {
    provider: endpoint.provider,
    method: 'POST',
    url: `${endpoint.baseURL}/chat/completions`,
    headers: {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
      ...endpoint.headers,
    },
    body,
    ...transport(endpoint, stream),
  };
}

/**
 * Describes `GET {baseURL}/models`.
 *
 * @param endpoint - the provider's base URL, headers and axios instance.
 * @returns the request.
 */
export function listModelsRequest(endpoint: OpenAIEndpoint): ByteRequest {
  return {
    provider: endpoint.provider,
    method: 'GET',
    url: `${endpoint.baseURL}/models`,
    headers: { accept: 'application/json', ...endpoint.headers },
    ...transport(endpoint, false),
  };
}
