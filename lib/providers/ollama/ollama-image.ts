import { InvalidRequestError } from '../../errors/invalid-request-error.js';

/** `data:[<media type>][;base64],<data>` (RFC 2397). */
const DATA_URL = /^data:([^,]*),(.*)$/s;

/** Base64 of bytes, with the `btoa` every browser and Node (16+) has. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The base64 bytes of an image part, as Ollama's `images` take them: a `data:` URL's data
 * (RFC 2397; percent-encoded data is encoded as base64). Ollama reads image bytes only, never
 * a link: an `https:` URL is an `InvalidRequestError` naming the part (fetch the image and
 * pass it as a `data:` URL).
 *
 * @param url - the image part's URL.
 * @param field - the part's place in the request, for the error (`messages[0].content[1]`).
 * @param provider - the provider's name, for the error.
 * @returns the image as base64.
 * @throws InvalidRequestError for a URL that is not a `data:` URL.
 * @example
 * ```ts
 * ollamaImage('data:image/png;base64,iVBORw0KGgo=', 'messages[0].content[1]', 'Ollama'); // 'iVBORw0KGgo='
 * ```
 */
export function ollamaImage(url: string, field: string, provider: string): string {
  const match = DATA_URL.exec(url);
  if (match === null) {
    throw new InvalidRequestError({
      provider,
      field,
      reason: 'must be a data: URL: Ollama takes the image bytes (base64), not a link to fetch',
    });
  }
  const [, meta = '', data = ''] = match;
  if (/;base64$/i.test(meta)) return data;
  let text: string;
  try {
    text = decodeURIComponent(data);
  } catch {
    throw new InvalidRequestError({ provider, field, reason: 'has malformed percent-encoding' });
  }
  return base64Of(new TextEncoder().encode(text));
}
