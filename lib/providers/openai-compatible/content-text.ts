import { StreamError } from '../../errors/stream-error.js';

/** One element of an array `content`: OpenAI's text content part. */
interface TextPart {
  readonly type: 'text';
  readonly text: string;
}

function isTextPart(part: unknown): part is TextPart {
  if (typeof part !== 'object' || part === null) return false;
  const { type, text } = part as { readonly type?: unknown; readonly text?: unknown };
  return type === 'text' && typeof text === 'string';
}

/**
 * The text of a `delta.content` or `message.content`: a string as it is, `null` or a missing
 * field as `undefined`, an array of text content parts (`[{ "type": "text", "text": "a" }]`, as
 * OpenAI's API documents for message content) as their texts joined.
 *
 * @param content - the field's value, as parsed.
 * @param provider - the provider's name, for errors.
 * @param data - the JSON text it came from, for the error's excerpt.
 * @returns the text, or `undefined` when there is none.
 * @throws StreamError of kind `unexpected-shape` for anything else (a number, a boolean, an
 *   object, an array holding something other than text parts).
 *
 * @example
 * ```ts
 * contentText([{ type: 'text', text: 'Hel' }, { type: 'text', text: 'lo' }], 'openai', data); // 'Hello'
 * ```
 */
export function contentText(content: unknown, provider: string, data: string): string | undefined {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return undefined;
  if (Array.isArray(content) && content.every(isTextPart)) {
    return content.map((part) => part.text).join('');
  }
  throw new StreamError({
    kind: 'unexpected-shape',
    provider,
    detail: `content must be a string or an array of text parts, got ${describe(content)}`,
    excerpt: data,
  });
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array with other elements';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
