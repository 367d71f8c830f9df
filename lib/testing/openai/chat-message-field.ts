import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';
import { given, invalid, isFields, kindOf, wrongType, type Fields } from './body-refusal.js';
import { functionName } from './tool-fields.js';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

/** The content part types each role may send (OpenAI's Chat Completions API). */
const PART_TYPES: Readonly<Record<string, readonly string[]>> = {
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
};

/** A tool call of an assistant message, as sent back to the model. */
export interface SentToolCall {
  /** The call's id, which a `tool` message answers. */
  readonly id: string;
  /** The function's name. */
  readonly name: string;
  /** Its arguments, as JSON text. */
  readonly arguments: string;
}

/** One message of the conversation, read: its text, and its tool calls or the call it answers. */
export interface OpenAIMessage extends DefaultReplyMessage {
  /** An assistant's `tool_calls` (none otherwise). */
  readonly toolCalls: readonly SentToolCall[];
  /** A tool message's `tool_call_id`. */
  readonly toolCallId: string | undefined;
}

/** An `image_url` must be an `http(s):` URL or a `data:image/...` URL. */
function checkImagePart(part: Fields, param: string): void {
  const image = part.image_url;
  if (!isFields(image)) wrongType(`${param}.image_url`, 'an object', image);
  const { url } = image;
  if (typeof url !== 'string') wrongType(`${param}.image_url.url`, 'a string', url);
  if (!/^(https?:\/\/\S|data:image\/[a-z0-9.+-]+;base64,)/iu.test(url)) {
    invalid(`${param}.image_url.url`, 'expected an http(s) URL or a base64 data:image/ URL.');
  }
}

function partText(part: unknown, param: string, role: string): string {
  if (!isFields(part) || typeof part.type !== 'string') {
    wrongType(param, 'a content part object', part);
  }
  const allowed = PART_TYPES[role] ?? ['text'];
  if (!allowed.includes(part.type)) {
    const supported = allowed.map((type) => `'${type}'`).join(', ');
    invalid(
      `${param}.type`,
      `'${part.type}' in a ${role} message; supported values: ${supported}.`,
    );
  }
  if (part.type === 'image_url') checkImagePart(part, param);
  if (part.type !== 'text') return '';
  if (typeof part.text !== 'string') wrongType(`${param}.text`, 'a string', part.text);
  return part.text;
}

function contentText(value: unknown, param: string, role: string): string {
  if (typeof value === 'string') return value;
  if (value === null && role === 'assistant') return '';
  if (!Array.isArray(value)) wrongType(param, 'a string or an array of content parts', value);
  return value.map((part: unknown, index) => partText(part, `${param}[${index}]`, role)).join('');
}

function toToolCall(value: unknown, param: string): SentToolCall {
  if (!isFields(value)) wrongType(param, 'an object', value);
  const { id, type, function: fn } = value;
  if (typeof id !== 'string' || id === '') wrongType(`${param}.id`, 'a non-empty string', id);
  if (type !== 'function') invalid(`${param}.type`, "expected 'function'.");
  if (!isFields(fn)) wrongType(`${param}.function`, 'an object', fn);
  const name = functionName(`${param}.function.name`, fn.name);
  if (typeof fn.arguments !== 'string') {
    wrongType(`${param}.function.arguments`, 'a string', fn.arguments);
  }
  return { id, name, arguments: fn.arguments };
}

function toolCallsOf(value: Fields, param: string, role: string): readonly SentToolCall[] {
  const calls = given(value, 'tool_calls');
  if (calls === undefined) return [];
  if (role !== 'assistant') invalid(`${param}.tool_calls`, 'only an assistant message has them.');
  if (!Array.isArray(calls)) wrongType(`${param}.tool_calls`, 'an array', calls);
  return calls.map((call: unknown, index) => toToolCall(call, `${param}.tool_calls[${index}]`));
}

function toolCallIdOf(value: Fields, param: string, role: string): string | undefined {
  if (role !== 'tool') return undefined;
  const id = value.tool_call_id;
  if (typeof id !== 'string' || id === '') {
    wrongType(`${param}.tool_call_id`, 'a non-empty string', id);
  }
  return id;
}

/**
 * Checks one element of `messages` and reads it: `role` one of OpenAI's roles; `content` a
 * string, an array of content parts (the `text` ones joined; a user may also send
 * `image_url` parts, whose URL must be `http(s):` or a base64 `data:image/` URL, and audio or
 * file parts), or `null` for an assistant (a tool call), read as `''`; an assistant's
 * `tool_calls` (`{ id, type: 'function', function: { name, arguments } }`); a tool message's
 * `tool_call_id`.
 *
 * @param value - the element.
 * @param index - its index, for the error's `param`.
 * @returns the message, its content as text.
 * @throws Refusal naming the field at fault.
 * @example
 * ```ts
 * toMessage({ role: 'user', content: [{ type: 'text', text: 'Hi' }] }, 0); // { role: 'user', content: 'Hi', toolCalls: [], toolCallId: undefined }
 * ```
 */
export function toMessage(value: unknown, index: number): OpenAIMessage {
  const param = `messages[${index}]`;
  if (!isFields(value)) wrongType(param, 'an object', value);
  const { role } = value;
  if (typeof role !== 'string' || !ROLES.includes(role)) {
    const supported = ROLES.map((name) => `'${name}'`).join(', ');
    invalid(
      `${param}.role`,
      `${typeof role === 'string' ? `'${role}'` : kindOf(role)}; supported values: ${supported}.`,
    );
  }
  const toolCalls = toolCallsOf(value, param, role);
  const content =
    value.content === undefined && toolCalls.length > 0
      ? ''
      : contentText(value.content, `${param}.content`, role);
  return { role, content, toolCalls, toolCallId: toolCallIdOf(value, param, role) };
}
