import { InvalidRequestError } from '../../errors/invalid-request-error.js';

/** An image as Gemini takes it: bytes inline, or a file by URI. */
export type GeminiImagePart =
  | { readonly inlineData: { readonly mimeType: string; readonly data: string } }
  | { readonly fileData: { readonly fileUri: string; readonly mimeType?: string } };

/** Image types by file extension (the types the Gemini API documents for images). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  gif: 'image/gif',
};

/** `data:<type>;base64,<data>` (RFC 2397), parameters allowed between type and `;base64`. */
const BASE64_DATA_URL = /^data:([^;,]+)(?:;[^;,=]+=[^;,]*)*;base64,(.*)$/is;

function guessedType(url: URL): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : IMAGE_TYPES[extension];
}

/**
 * An image part's URL as a Gemini part: a base64 `data:` URL becomes `inlineData` (its media
 * type and data); an `https:` URL becomes `fileData` with the URL as `fileUri` and, when the
 * path ends in a known image extension, its `mimeType` (the API takes `fileData` without one,
 * as for Files API URIs, which have no extension).
 *
 * @param url - the image part's URL.
 * @param provider - the provider's name, for errors.
 * @param field - the path of the part, for errors (`messages[1].content[0].url`).
 * @returns the part.
 * @throws InvalidRequestError for a `data:` URL that is not base64 and any other scheme.
 * @example
 * ```ts
 * geminiImagePart('data:image/png;base64,iVBORw0KGgo=', 'Gemini', 'url');
 * // { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }
 * ```
 */
export function geminiImagePart(url: string, provider: string, field: string): GeminiImagePart {
  if (/^data:/i.test(url)) {
    const match = BASE64_DATA_URL.exec(url);
    if (match?.[1] === undefined || match[2] === undefined) {
      const reason = 'must be a base64 data: URL (data:<type>;base64,<data>)';
      throw new InvalidRequestError({ provider, field, reason });
    }
    return { inlineData: { mimeType: match[1].toLowerCase(), data: match[2] } };
  }
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'https:') {
    throw new InvalidRequestError({ provider, field, reason: 'must be an https: or data: URL' });
  }
  const mimeType = guessedType(parsed);
  return { fileData: { fileUri: url, ...(mimeType === undefined ? {} : { mimeType }) } };
}
