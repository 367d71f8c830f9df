/** A run of text inside a message's content. */
export interface TextPart {
  readonly type: 'text';
  /** The text. */
  readonly text: string;
}

/**
 * An image inside a user (or system) message, for models that see images.
 *
 * `url` is an `https:` URL the server fetches, or a `data:` URL carrying the image itself
 * (RFC 2397), e.g. `data:image/png;base64,iVBORw0…`.
 */
export interface ImagePart {
  readonly type: 'image';
  /** An `https:` or `data:` URL. */
  readonly url: string;
}

/**
 * One part of a message whose content mixes text and images.
 *
 * @example
 * ```ts
 * const parts: ContentPart[] = [
 *   { type: 'text', text: 'What is in this picture?' },
 *   { type: 'image', url: 'https://example.com/cat.png' },
 * ];
 * ```
 */
export type ContentPart = TextPart | ImagePart;
