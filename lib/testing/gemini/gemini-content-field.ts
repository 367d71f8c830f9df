import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';
import { isObject, refuseType, refuseValue, type GeminiFields } from './gemini-body-refusal.js';

/** What one `Content` of a request says, read as the default reply reads messages. */
export interface GeminiContentReading {
  /** The content as a message: `user` or `assistant`, or `tool` for function responses. */
  readonly message: DefaultReplyMessage;
  /** Whether its parts are function responses. */
  readonly answersTool: boolean;
}

const DATA_FIELDS = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse'];

function checkBlob(value: unknown, field: string, required: readonly string[]): void {
  if (!isObject(value)) refuseType(field, 'an object');
  for (const name of required) {
    if (typeof value[name] !== 'string' || value[name] === '') {
      refuseValue(`${field}.${name}`, `${name} is not specified`);
    }
  }
}

/** Checks one part and returns its text (`''` for non-text parts). */
function partText(part: unknown, field: string): string {
  if (!isObject(part)) refuseType(field, 'an object');
  const data = DATA_FIELDS.filter((name) => part[name] !== undefined);
  if (data.length !== 1) {
    refuseValue(field, `a part must have exactly one of ${DATA_FIELDS.join(', ')}`);
  }
  if (part.text !== undefined && typeof part.text !== 'string')
    refuseType(`${field}.text`, 'a string');
  if (part.thought !== undefined && typeof part.thought !== 'boolean') {
    refuseType(`${field}.thought`, 'a boolean');
  }
  if (part.thoughtSignature !== undefined && typeof part.thoughtSignature !== 'string') {
    refuseType(`${field}.thoughtSignature`, 'a string');
  }
  if (part.inlineData !== undefined)
    checkBlob(part.inlineData, `${field}.inlineData`, ['mimeType', 'data']);
  if (part.fileData !== undefined) checkBlob(part.fileData, `${field}.fileData`, ['fileUri']);
  if (part.functionCall !== undefined) {
    checkBlob(part.functionCall, `${field}.functionCall`, ['name']);
    const { args } = part.functionCall as GeminiFields;
    if (args !== undefined && !isObject(args))
      refuseType(`${field}.functionCall.args`, 'an object');
  }
  if (part.functionResponse !== undefined) {
    checkBlob(part.functionResponse, `${field}.functionResponse`, ['name']);
    const { response } = part.functionResponse as GeminiFields;
    if (!isObject(response)) refuseType(`${field}.functionResponse.response`, 'an object');
    return JSON.stringify(response);
  }
  return part.thought === true ? '' : typeof part.text === 'string' ? part.text : '';
}

/**
 * Checks a list of parts (non-empty, each with exactly one kind of data) and joins its text.
 *
 * @param value - the `parts` field.
 * @param field - its path, for the refusal.
 * @returns the text of the text parts (thoughts left out), function responses as their JSON.
 * @throws GeminiRefusal naming the field at fault.
 * @example
 * ```ts
 * geminiPartsText([{ text: 'Hi' }], 'contents[0].parts'); // 'Hi'
 * ```
 */
export function geminiPartsText(value: unknown, field: string): string {
  if (!Array.isArray(value)) refuseType(field, 'a list');
  if (value.length === 0) refuseValue(field, 'contents.parts must not be empty');
  return value.map((part: unknown, index) => partText(part, `${field}[${String(index)}]`)).join('');
}

/**
 * Checks one element of `contents` (`role` `user` or `model` when given, `parts` non-empty)
 * and reads it as a message for the default reply.
 *
 * @param value - the element.
 * @param index - its index, for the refusal.
 * @returns the message and whether it answers a tool.
 * @throws GeminiRefusal naming the field at fault.
 * @example
 * ```ts
 * geminiContent({ role: 'model', parts: [{ text: 'Hello' }] }, 1).message; // { role: 'assistant', content: 'Hello' }
 * ```
 */
export function geminiContent(value: unknown, index: number): GeminiContentReading {
  const field = `contents[${String(index)}]`;
  if (!isObject(value)) refuseType(field, 'an object');
  const { role = 'user' } = value;
  if (role !== 'user' && role !== 'model') {
    refuseValue(`${field}.role`, 'Please use a valid role: user, model.');
  }
  const content = geminiPartsText(value.parts, `${field}.parts`);
  const parts = value.parts as readonly GeminiFields[];
  const answersTool = parts.some((part) => part.functionResponse !== undefined);
  const messageRole = answersTool ? 'tool' : role === 'model' ? 'assistant' : 'user';
  return { message: { role: messageRole, content }, answersTool };
}
