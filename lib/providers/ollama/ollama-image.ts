import { InvalidRequestError } from '../../errors/invalid-request-error.js';

/** `data:<media type>[;parameters];base64,<data>` (RFC 2397). */
const BASE64_DATA_URL = /^data:[^,]*;base64,(.*)$/is;

/**
 * The base64 bytes of an image part, as Ollama's `images` take them: a base64 `data:` URL's
 * data (RFC 2397), white space removed. Ollama reads image bytes only, never a link: an
 * `https:` URL is an `InvalidRequestError` naming the part (fetch the image and pass it as a
 * `data:` URL).
 *
 * @param url - the image part's URL (checked already: `https:` or a base64 `data:` URL).
 * @param field - the part's place in the request, for the error (`messages[0].content[1]`).
 * @param provider - the provider's name, for the error.
 * @returns the image as base64.
 * @throws InvalidRequestError for a URL that is not a base64 `data:` URL.
 * @example
 * ```ts
 * ollamaImage('data:image/png;base64,iVBORw0KGgo=', 'messages[0].content[1].url', 'Ollama'); // 'iVBORw0KGgo='
 * ```
 */
export function ollamaImage(url: string, field: string, provider: string): string {
  const data = BASE64_DATA_URL.exec(url)?.[1];
  if (data === undefined) {
    throw new InvalidRequestError({
      provider,
      field,
      reason:
        'must be a base64 data: URL: Ollama takes the image bytes (base64), not a link to fetch',
    });
  }
  return data.replace(/\s+/g, '');
}
