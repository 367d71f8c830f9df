import { given, invalid, isFields, Refusal, wrongType, type Fields } from './body-refusal.js';
import { toMessage, type OpenAIMessage } from './chat-message-field.js';
import { checkToolAnswers } from './check-tool-answers.js';
import {
  responseFormatOf,
  toolChoiceOf,
  toolsOf,
  type OfferedTool,
  type OfferedToolChoice,
  type RequestedFormat,
} from './tool-fields.js';
import type { OpenAIError } from './openai-error.js';

/**
 * A `POST /v1/chat/completions` body, checked and normalised: what the loopback server's
 * OpenAI route acts on. Message contents are text (text parts joined; `null` is `''`).
 *
 * @example
 * ```ts
 * const body: ChatCompletionsBody = {
 *   model: 'gpt-4', messages: [{ role: 'user', content: 'Hi', toolCalls: [], toolCallId: undefined }],
 *   stream: true, includeUsage: false, temperature: undefined, maxTokens: undefined, stop: [],
 *   tools: [], toolChoice: undefined, responseFormat: undefined,
 * };
 * ```
 */
export interface ChatCompletionsBody {
  /** The model id (any non-empty string). */
  readonly model: string;
  /** The conversation, at least one message. */
  readonly messages: readonly OpenAIMessage[];
  /** `stream`. @defaultValue false */
  readonly stream: boolean;
  /** `stream_options.include_usage`. @defaultValue false */
  readonly includeUsage: boolean;
  /** `temperature`, 0 to 2. */
  readonly temperature: number | undefined;
  /** `max_completion_tokens`, else `max_tokens`: an integer ≥ 1. */
  readonly maxTokens: number | undefined;
  /** `stop`: up to 4 sequences. */
  readonly stop: readonly string[];
  /** `tools`: the functions offered (none when not given). */
  readonly tools: readonly OfferedTool[];
  /** `tool_choice`. */
  readonly toolChoice: OfferedToolChoice | undefined;
  /** `response_format`. */
  readonly responseFormat: RequestedFormat | undefined;
}

/** The outcome of {@link parseChatCompletionsBody}: the body, or the 400 error to answer. */
export type ChatCompletionsBodyResult =
  | { readonly ok: true; readonly body: ChatCompletionsBody }
  | { readonly ok: false; readonly error: OpenAIError };

function optionalNumber(
  fields: Fields,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = given(fields, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') wrongType(name, 'a number', value);
  if (!(value >= min && value <= max)) invalid(name, `expected ${min} to ${max}, got ${value}.`);
  return value;
}

function maxTokensOf(fields: Fields): number | undefined {
  const name =
    given(fields, 'max_completion_tokens') === undefined ? 'max_tokens' : 'max_completion_tokens';
  const value = optionalNumber(fields, name, 1, Number.MAX_SAFE_INTEGER);
  if (value !== undefined && !Number.isInteger(value))
    invalid(name, `expected an integer, got ${value}.`);
  return value;
}

function stopOf(fields: Fields): readonly string[] {
  const value = given(fields, 'stop');
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    wrongType('stop', 'a string or an array of strings', value);
  }
  if (value.length > 4) invalid('stop', `expected at most 4 sequences, got ${value.length}.`);
  return value.filter((item) => item !== '');
}

function streamOf(fields: Fields): { stream: boolean; includeUsage: boolean } {
  const stream = given(fields, 'stream') ?? false;
  if (typeof stream !== 'boolean') wrongType('stream', 'a boolean', stream);
  const options = given(fields, 'stream_options');
  if (options === undefined) return { stream, includeUsage: false };
  if (!stream) invalid('stream_options', "only allowed when 'stream' is enabled.");
  if (!isFields(options)) wrongType('stream_options', 'an object', options);
  const includeUsage = given(options, 'include_usage') ?? false;
  if (typeof includeUsage !== 'boolean') {
    wrongType('stream_options.include_usage', 'a boolean', includeUsage);
  }
  return { stream, includeUsage };
}

function toBody(value: unknown): ChatCompletionsBody {
  if (!isFields(value)) wrongType('body', 'a JSON object', value);
  const { model, messages } = value;
  if (model === undefined)
    throw new Refusal(
      "Missing required parameter: 'model'.",
      'model',
      'missing_required_parameter',
    );
  if (typeof model !== 'string') wrongType('model', 'a string', model);
  if (model === '') invalid('model', 'expected a non-empty string.');
  if (messages === undefined)
    throw new Refusal(
      "Missing required parameter: 'messages'.",
      'messages',
      'missing_required_parameter',
    );
  if (!Array.isArray(messages)) wrongType('messages', 'an array', messages);
  if (messages.length === 0) invalid('messages', 'expected an array with at least 1 message.');
  const read = messages.map(toMessage);
  checkToolAnswers(read);
  const tools = toolsOf(value);
  return {
    model,
    messages: read,
    ...streamOf(value),
    temperature: optionalNumber(value, 'temperature', 0, 2),
    maxTokens: maxTokensOf(value),
    stop: stopOf(value),
    tools,
    toolChoice: toolChoiceOf(value, tools),
    responseFormat: responseFormatOf(value),
  };
}

/**
 * Parses and checks the raw body of `POST /v1/chat/completions`, as OpenAI does: `model` a
 * non-empty string, `messages` a non-empty array of `{ role, content }` (content a string, an
 * array of content parts, or `null` for an assistant), and, when given, `stream` a boolean,
 * `stream_options` an object (only with `stream: true`) whose `include_usage` is a boolean,
 * `temperature` 0 to 2, `max_tokens`/`max_completion_tokens` an integer ≥ 1, `stop` a string
 * or up to 4 strings; `tools`, `tool_choice` and `response_format` as `toolsOf`,
 * `toolChoiceOf` and `responseFormatOf` check them; messages as `toMessage` checks them,
 * their tool calls answered as `checkToolAnswers` checks. `null` means "not given"; unknown
 * fields are ignored.
 *
 * @param bytes - the raw request body.
 * @returns the normalised body, or the error to answer 400 with (OpenAI's shape: `param`
 *   names the field, `code` is `invalid_type`, `invalid_value` or `missing_required_parameter`).
 * @example
 * ```ts
 * const result = parseChatCompletionsBody(new TextEncoder().encode('{"model":"gpt-4"}'));
 * if (!result.ok) result.error.message; // "Missing required parameter: 'messages'."
 * ```
 */
export function parseChatCompletionsBody(bytes: Uint8Array): ChatCompletionsBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const message = 'We could not parse the JSON body of your request: it must be UTF-8 JSON.';
    return {
      ok: false,
      error: { message, type: 'invalid_request_error', param: null, code: null },
    };
  }
  try {
    return { ok: true, body: toBody(value) };
  } catch (error: unknown) {
    if (!(error instanceof Refusal)) throw error;
    const { message, param, code } = error;
    return { ok: false, error: { message, type: 'invalid_request_error', param, code } };
  }
}
