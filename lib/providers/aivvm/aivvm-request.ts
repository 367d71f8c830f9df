import { DEFAULT_MAX_RESPONSE_BYTES, type ByteRequest } from '../../http/byte-request.js';
import type { Messages } from '../../messages/chat-message.js';
import { encodeRequestBody } from '../../validation/encode-request-body.js';
import { aivvmMessages } from './aivvm-messages.js';
import type { AivvmModel } from './aivvm-models.js';
import type { AivvmOptions } from './aivvm-options.js';

/** The system prompt Aivvm sends when none is given (g4f's Aivvm provider sends the same). */
export const AIVVM_DEFAULT_SYSTEM_MESSAGE =
  "You are ChatGPT, a large language model trained by OpenAI. Follow the user's instructions carefully. Respond using markdown.";

/** The temperature Aivvm sends when none is given (as g4f's Aivvm provider does). */
export const AIVVM_DEFAULT_TEMPERATURE = 0.7;

/** The site Aivvm talked to. */
export const AIVVM_URL = 'https://chat.aivvm.com';

/** The media types an Aivvm reply may have (a missing `content-type` passes too). */
const AIVVM_REPLY_TYPES = ['text/plain', 'text/event-stream', 'application/octet-stream'];

/**
 * The headers g4f's Aivvm provider sends (a Chrome 117 browser's), in order, with their exact
 * values; `content-length` is the body's UTF-8 byte length.
 *
 * @param contentLength - the body's length in bytes.
 */
function aivvmHeaders(contentLength: number): Record<string, string> {
  return {
    accept: 'text/event-stream',
    'accept-language': 'en-US,en;q=0.9',
    'content-type': 'application/json',
    'content-length': String(contentLength),
    'sec-ch-ua': '"Chrome";v="117", "Not;A=Brand";v="8", "Chromium";v="117"',
    'sec-ch-ua-mobile': '?0',
    'sec-ch-ua-platform': '"Windows"',
    'sec-fetch-dest': 'empty',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-origin',
    'sec-gpc': '1',
    referrer: 'https://chat.aivvm.com/',
    'user-agent':
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Safari/537.36',
  };
}

/**
 * Describes the Aivvm request: `POST {baseURL}/api/chat` with chatbot-ui's body, keys in order
 * `model`, `messages`, `key`, `prompt`, `temperature`. The encoded body — the default system
 * prompt included when none is given — is bounded by `maxInputBytes` (see `encodeRequestBody`).
 *
 * @param model - the model's table entry.
 * @param messages - the conversation, sent as `{ role, content }` each (see `aivvmMessages`).
 * @param options - system message, temperature, base URL and axios instance.
 * @param stream - whether the reply is streamed (else it is read whole, bounded).
 * @returns the request, body encoded as UTF-8.
 * @throws `InvalidRequestError` when the body is over `maxInputBytes`, or holds what chatbot-ui
 *   cannot carry (images, tool calls, tool results, tools, a JSON mode).
 */
export function aivvmRequest(
  model: AivvmModel,
  messages: Messages,
  options: AivvmOptions,
  stream = true,
): ByteRequest {
  const sent = aivvmMessages(messages, options);
  const prompt = options.systemMessage ?? AIVVM_DEFAULT_SYSTEM_MESSAGE;
  const body = encodeRequestBody({
    provider: 'Aivvm',
    json: {
      model: { id: model.id, name: model.name },
      messages: sent,
      key: '',
      prompt,
      temperature: options.temperature ?? AIVVM_DEFAULT_TEMPERATURE,
    },
    parts: { model: [model.id, model.name], messages: sent, systemMessage: prompt },
    maxInputBytes: options.maxInputBytes,
  });
  const baseURL = (options.baseURL ?? AIVVM_URL).replace(/\/+$/, '');
  return {
    provider: 'Aivvm',
    method: 'POST',
    url: `${baseURL}/api/chat`,
    headers: aivvmHeaders(body.length),
    body,
    axios: options.axios,
    // chatbot-ui answers text/plain; servers that speak the protocol may stream it as SSE.
    accept: { contentTypes: AIVVM_REPLY_TYPES },
    allowedRedirectOrigins: options.allowedRedirectOrigins,
    maxResponseBytes: stream ? undefined : (options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
  };
}
