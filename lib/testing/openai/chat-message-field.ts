import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';
import { invalid, isFields, kindOf, wrongType } from './body-refusal.js';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

function contentText(value: unknown, param: string, role: string): string {
  if (typeof value === 'string') return value;
  if (value === null && role === 'assistant') return '';
  if (!Array.isArray(value)) wrongType(param, 'a string or an array of content parts', value);
  return value
    .map((part: unknown, index) => {
      if (!isFields(part) || typeof part.type !== 'string') {
        wrongType(`${param}[${index}]`, 'a content part object', part);
      }
      if (part.type !== 'text') return '';
      if (typeof part.text !== 'string')
        wrongType(`${param}[${index}].text`, 'a string', part.text);
      return part.text;
    })
    .join('');
}

/**
 * Checks one element of `messages` and reads it as text: `role` one of OpenAI's roles,
 * `content` a string, an array of content parts (the `text` ones joined, others ignored), or
 * `null` for an assistant (a tool call), read as `''`.
 *
 * @param value - the element.
 * @param index - its index, for the error's `param`.
 * @returns the message, its content as text.
 * @throws Refusal naming the field at fault.
 * @example
 * ```ts
 * toMessage({ role: 'user', content: [{ type: 'text', text: 'Hi' }] }, 0); // { role: 'user', content: 'Hi' }
 * ```
 */
export function toMessage(value: unknown, index: number): DefaultReplyMessage {
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
  return { role, content: contentText(value.content, `${param}.content`, role) };
}
