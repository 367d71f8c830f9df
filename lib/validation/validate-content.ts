import { describeValue } from './describe-value.js';
import type { Violation } from './violation.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An image URL's problem, showing its scheme at most (a URL may carry a token in its query):
 * it must parse, and be `https:` or a `data:` URL (RFC 2397) of an `image/` type.
 */
function imageUrlViolation(url: unknown, field: string): Violation | undefined {
  if (typeof url !== 'string') {
    return { field, reason: `must be an https: or data: URL, got ${describeValue(url)}` };
  }
  if (url.startsWith('data:')) {
    if (/^data:image\/[\w.+-]+(;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=\s]+$/.test(url)) {
      return undefined;
    }
    const reason = 'must be a base64 data: URL of an image (data:image/<type>;base64,<data>)';
    return { field, reason };
  }
  if (!URL.canParse(url)) return { field, reason: 'must be an https: or data: URL' };
  const { protocol } = new URL(url);
  if (protocol === 'https:') return undefined;
  const scheme = /^[a-z][a-z0-9+.-]*:$/i.test(protocol) ? `"${protocol}"` : 'another one';
  return { field, reason: `must be an https: or data: URL, got the scheme ${scheme}` };
}

function partViolation(part: unknown, field: string): Violation | undefined {
  if (!isRecord(part)) return { field, reason: `must be an object, got ${describeValue(part)}` };
  if (part.type === 'text') {
    if (typeof part.text === 'string') return undefined;
    return { field: `${field}.text`, reason: `must be a string, got ${describeValue(part.text)}` };
  }
  if (part.type === 'image') return imageUrlViolation(part.url, `${field}.url`);
  const type = typeof part.type === 'string' && /^[\w-]{1,32}$/.test(part.type);
  const got = type ? `"${String(part.type)}"` : describeValue(part.type);
  return { field: `${field}.type`, reason: `must be "text" or "image", got ${got}` };
}

/**
 * Checks a system or user message's `content`: a string, or a non-empty array of parts, each
 * `{ type: 'text', text }` or `{ type: 'image', url }` with an `https:` or base64 `data:` URL.
 *
 * @param content - the content as given.
 * @param field - its path, e.g. `messages[0].content`.
 * @returns the first rule broken, or `undefined`.
 * @example
 * ```ts
 * contentViolation([{ type: 'image', url: 'ftp://x' }], 'messages[0].content');
 * // { field: 'messages[0].content[0].url', reason: 'must be an https: or data: URL, got the scheme "ftp:"' }
 * ```
 * @internal
 */
export function contentViolation(content: unknown, field: string): Violation | undefined {
  if (typeof content === 'string') return undefined;
  if (!Array.isArray(content)) {
    const reason = `must be a string or an array of text and image parts, got ${describeValue(content)}`;
    return { field, reason };
  }
  const parts = content as readonly unknown[];
  if (parts.length === 0) return { field, reason: 'must have at least one part' };
  for (const [index, part] of parts.entries()) {
    const violation = partViolation(part, `${field}[${index}]`);
    if (violation) return violation;
  }
  return undefined;
}
