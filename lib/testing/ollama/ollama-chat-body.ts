import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';

/** A tool the request offers, as the twin reads it. */
export interface OllamaBodyTool {
  /** The function's name. */
  readonly name: string;
  /** Its parameters' JSON Schema (`{}` when absent). */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/**
 * A `POST /api/chat` body, checked and normalised: what the loopback server's Ollama route
 * acts on.
 *
 * @example
 * ```ts
 * const body: OllamaChatBody = {
 *   model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }], stream: true,
 *   temperature: undefined, numPredict: undefined, stop: [], tools: [], think: false,
 * };
 * ```
 */
export interface OllamaChatBody {
  /** The model name. */
  readonly model: string;
  /** The conversation (may be empty: Ollama then only loads the model). */
  readonly messages: readonly DefaultReplyMessage[];
  /** `stream`. @defaultValue true, as Ollama's */
  readonly stream: boolean;
  /** `options.temperature`. */
  readonly temperature: number | undefined;
  /** `options.num_predict`. */
  readonly numPredict: number | undefined;
  /** `options.stop`. */
  readonly stop: readonly string[];
  /** `tools`. */
  readonly tools: readonly OllamaBodyTool[];
  /** Whether `think` asks for thinking (`true`, or an effort level). */
  readonly think: boolean;
}

/** The outcome of {@link parseOllamaChatBody}: the body, or the 400 error message. */
export type OllamaChatBodyResult =
  | { readonly ok: true; readonly body: OllamaChatBody }
  | { readonly ok: false; readonly error: string };

type Fields = Readonly<Record<string, unknown>>;

class BodyRefusal extends Error {}

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(message: string): never {
  throw new BodyRefusal(message);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function stringList(value: unknown, name: string): readonly string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    refuse(`${name} must be an array of strings`);
  }
  return value;
}

function toMessage(value: unknown, index: number): DefaultReplyMessage {
  const at = `messages[${String(index)}]`;
  if (!isFields(value)) refuse(`${at} must be an object`);
  const { role, content = '', images, tool_calls: calls, tool_name: toolName } = value;
  if (typeof role !== 'string' || role === '') refuse(`${at}.role must be a non-empty string`);
  if (typeof content !== 'string') refuse(`${at}.content must be a string`);
  for (const image of stringList(images, `${at}.images`)) {
    if (!BASE64.test(image) || image.length % 4 !== 0) {
      refuse(`${at}.images: illegal base64 data`);
    }
  }
  if (calls !== undefined && calls !== null) {
    if (!Array.isArray(calls)) refuse(`${at}.tool_calls must be an array`);
    (calls as readonly unknown[]).forEach((call, at2) => {
      const fn = isFields(call) ? call.function : undefined;
      if (!isFields(fn) || typeof fn.name !== 'string' || !isFields(fn.arguments)) {
        refuse(`${at}.tool_calls[${String(at2)}] must be {function: {name, arguments: object}}`);
      }
    });
  }
  if (toolName !== undefined && typeof toolName !== 'string') {
    refuse(`${at}.tool_name must be a string`);
  }
  return { role, content };
}

function toTool(value: unknown, index: number): OllamaBodyTool {
  const fn = isFields(value) ? value.function : undefined;
  if (!isFields(value) || value.type !== 'function' || !isFields(fn)) {
    refuse(`tools[${String(index)}] must be {type: 'function', function: {...}}`);
  }
  if (typeof fn.name !== 'string' || fn.name === '') {
    refuse(`tools[${String(index)}].function.name must be a non-empty string`);
  }
  const parameters = fn.parameters ?? {};
  if (!isFields(parameters))
    refuse(`tools[${String(index)}].function.parameters must be an object`);
  return { name: fn.name, parameters };
}

function optionsOf(value: unknown): Pick<OllamaChatBody, 'temperature' | 'numPredict' | 'stop'> {
  if (value === undefined || value === null) {
    return { temperature: undefined, numPredict: undefined, stop: [] };
  }
  if (!isFields(value)) refuse('options must be an object');
  const { temperature, num_predict: numPredict, stop } = value;
  if (temperature !== undefined && typeof temperature !== 'number') {
    refuse('options.temperature must be a number');
  }
  if (numPredict !== undefined && !Number.isInteger(numPredict)) {
    refuse('options.num_predict must be an integer');
  }
  return {
    temperature,
    numPredict: numPredict as number | undefined,
    stop: stringList(stop, 'options.stop').filter((item) => item !== ''),
  };
}

function toBody(value: unknown): OllamaChatBody {
  if (!isFields(value)) refuse('the body must be a JSON object');
  const { model, messages = [], stream = true, tools = [], think = false, format } = value;
  if (typeof model !== 'string' || model === '') refuse('model is required');
  if (!Array.isArray(messages)) refuse('messages must be an array');
  if (typeof stream !== 'boolean') refuse('stream must be a boolean');
  if (!Array.isArray(tools)) refuse('tools must be an array');
  if (typeof think !== 'boolean' && !['high', 'medium', 'low'].includes(String(think))) {
    refuse("think must be a boolean or 'high', 'medium', 'low'");
  }
  if (format !== undefined && format !== '' && format !== 'json' && !isFields(format)) {
    refuse("format must be 'json' or a JSON schema object");
  }
  return {
    model,
    messages: messages.map(toMessage),
    stream,
    ...optionsOf(value.options),
    tools: tools.map(toTool),
    think: think !== false,
  };
}

/**
 * Parses and checks the raw body of Ollama's `POST /api/chat` as Ollama does, far enough for
 * the twin: `model` a non-empty string; `messages` an array of `{ role, content }` (content a
 * string; `images` base64 strings; `tool_calls` `{ function: { name, arguments: object } }`;
 * `tool_name` a string); `stream` a boolean (default `true`); `options` an object
 * (`temperature` a number, `num_predict` an integer, `stop` strings); `tools` OpenAI-style
 * functions; `think` a boolean or an effort level; `format` `'json'` or a schema object.
 *
 * @param bytes - the raw request body.
 * @returns the normalised body, or the message of the 400 error to answer.
 * @example
 * ```ts
 * const result = parseOllamaChatBody(new TextEncoder().encode('{}'));
 * if (!result.ok) result.error; // 'model is required'
 * ```
 */
export function parseOllamaChatBody(bytes: Uint8Array): OllamaChatBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'invalid request body: not UTF-8 JSON' };
  }
  try {
    return { ok: true, body: toBody(value) };
  } catch (error: unknown) {
    if (!(error instanceof BodyRefusal)) throw error;
    return { ok: false, error: error.message };
  }
}
