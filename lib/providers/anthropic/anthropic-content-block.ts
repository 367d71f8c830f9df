import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { ContentPart } from '../../messages/content-part.js';

/** A content block of a request message, as the Messages API takes it. */
export type AnthropicContentBlock = Readonly<Record<string, unknown>> & { readonly type: string };

/** The image media types the Messages API accepts in a `base64` source. */
const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** `data:<type>;base64,<data>` (RFC 2397), the only `data:` form an image block can carry. */
const BASE64_DATA_URL = /^data:([^;,]+);base64,(.*)$/is;

function imageBlock(url: string, provider: string, field: string): AnthropicContentBlock {
  const data = BASE64_DATA_URL.exec(url);
  if (data) {
    const mediaType = (data[1] ?? '').toLowerCase();
    if (!IMAGE_MEDIA_TYPES.has(mediaType)) {
      const reason = `must be an image/jpeg, image/png, image/gif or image/webp data: URL, got ${mediaType}`;
      throw new InvalidRequestError({ provider, field, reason });
    }
    return {
      type: 'image',
      source: { type: 'base64', media_type: mediaType, data: data[2] ?? '' },
    };
  }
  if (/^https:/i.test(url)) return { type: 'image', source: { type: 'url', url } };
  const reason = 'must be an https: URL or a base64 data: URL';
  throw new InvalidRequestError({ provider, field, reason });
}

/**
 * The content blocks of a message's parts: text parts as `text` blocks, image parts as
 * `image` blocks — a `data:` URL (RFC 2397, base64) as a `base64` source with its media type,
 * an `https:` URL as a `url` source.
 *
 * @param parts - the message's parts.
 * @param provider - the provider's name, for errors.
 * @param field - the parts' path in the arguments, e.g. `messages[1].content`.
 * @returns the blocks, in order.
 * @throws InvalidRequestError for an image that is neither (or of a media type the API does
 *   not take).
 * @example
 * ```ts
 * anthropicContentBlocks([{ type: 'image', url: 'data:image/png;base64,iVBO' }], 'Anthropic', 'messages[0].content');
 * // [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } }]
 * ```
 */
export function anthropicContentBlocks(
  parts: readonly ContentPart[],
  provider: string,
  field: string,
): AnthropicContentBlock[] {
  return parts.map((part, index) =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : imageBlock(part.url, provider, `${field}[${index}].url`),
  );
}
