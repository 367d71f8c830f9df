import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type ByteRequest } from '../../http/byte-request.js';
import type { Messages } from '../../messages/chat-message.js';
import { encodeRequestBody } from '../../validation/encode-request-body.js';
import { geminiConversation } from './gemini-contents.js';
import type { GeminiCompletionOptions } from './gemini-options.js';
import { geminiGenerationConfig, geminiToolFields } from './gemini-request-fields.js';

/** What every request of one Gemini provider shares. */
export interface GeminiEndpoint {
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

/**
 * Describes `POST {baseURL}/models/{model}:streamGenerateContent?alt=sse` (or
 * `:generateContent` when not streaming): `contents`, `systemInstruction`, `generationConfig`,
 * `tools` and `toolConfig` from the conversation and the options, over the pass-through `body`
 * fields. The key travels in the endpoint's `x-goog-api-key` header, never in the URL. The
 * model name is percent-encoded as one path segment.
 *
 * @param endpoint - the provider's base URL, headers and axios instance.
 * @param model - the model name (`gemini-2.5-flash`).
 * @param messages - the conversation.
 * @param stream - whether to ask for an SSE stream.
 * @param options - the completion options.
 * @returns the request.
 * @throws InvalidRequestError when a message or option cannot be carried, or the body is over
 *   `maxInputBytes`.
 * @example
 * ```ts
 * geminiRequest(endpoint, 'gemini-2.5-flash', [{ role: 'user', content: 'Hi' }], true, {}).url;
 * // 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'
 * ```
 */
export function geminiRequest(
  endpoint: GeminiEndpoint,
  model: string,
  messages: Messages,
  stream: boolean,
  options: GeminiCompletionOptions,
): ByteRequest {
  const { provider } = endpoint;
  const { contents, systemInstruction } = geminiConversation(
    messages,
    options.systemMessage,
    provider,
  );
  const generationConfig = geminiGenerationConfig(options, provider);
  const json = {
    ...options.body,
    contents,
    ...(systemInstruction === undefined ? {} : { systemInstruction }),
    ...(generationConfig === undefined ? {} : { generationConfig }),
    ...geminiToolFields(options),
  };
  const body = encodeRequestBody({
    provider,
    json,
    parts: {
      model,
      messages: contents,
      systemMessage: systemInstruction,
      stop: options.stop,
      body: options.body,
    },
    maxInputBytes: options.maxInputBytes,
  });
  const method = stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return {
    provider,
    method: 'POST',
    // `models/gemini-2.5-flash`, the API's resource name, is the same model as `gemini-2.5-flash`.
    url: `${endpoint.baseURL}/models/${encodeURIComponent(model.replace(/^models\//, ''))}:${method}`,
    headers: {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
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
