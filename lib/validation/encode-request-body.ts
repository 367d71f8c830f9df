import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { DEFAULT_MAX_INPUT_BYTES } from './input-limits.js';
import { minimumJsonBytes } from './minimum-json-bytes.js';

const encoder = new TextEncoder();

/** What {@link encodeRequestBody} encodes, and how it names what is too large. */
export interface RequestBodyInit {
  /** The provider's name, for the error. */
  readonly provider: string;
  /** The request body, as the JSON value to send. */
  readonly json: unknown;
  /**
   * The caller's arguments and options it is made of, by name (`model`, `messages`,
   * `systemMessage`, `stop`, `body`), as sent: a size error names the largest.
   */
  readonly parts: Readonly<Record<string, unknown>>;
  /**
   * The most bytes the encoded body may hold.
   * @default 4194304 (4 MiB)
   */
  readonly maxInputBytes: number | undefined;
}

/** The name of the part that holds the most text: the one to shorten. */
function largestPart(sizes: readonly (readonly [name: string, bytes: number])[]): string {
  let largest: readonly [string, number] = ['messages', -1];
  for (const size of sizes) if (size[1] > largest[1]) largest = size;
  return largest[0];
}

/** Each part's exact size as UTF-8 JSON: measured only once the body is known to be too large. */
function encodedSizes(
  parts: Readonly<Record<string, unknown>>,
): readonly (readonly [name: string, bytes: number])[] {
  return Object.entries(parts).map(([name, value]) => {
    const json = JSON.stringify(value) as string | undefined; // `undefined` for `undefined`
    return [name, encoder.encode(json ?? '').length] as const;
  });
}

/** The first part `JSON.stringify` throws on (a `toJSON` that throws, a BigInt it returned). */
function unencodablePart(parts: Readonly<Record<string, unknown>>): string {
  for (const [name, value] of Object.entries(parts)) {
    try {
      JSON.stringify(value);
    } catch {
      return name;
    }
  }
  return Object.keys(parts)[0] ?? 'options';
}

/**
 * Encodes a request body as UTF-8 JSON, bounded: the encoded body may hold no more than
 * `maxInputBytes` bytes, counting everything sent (model, roles, contents, system message,
 * stop sequences, extra fields, JSON's own quotes, keys and escapes).
 *
 * A cheap lower bound is checked first ({@link minimumJsonBytes}: the text's length, without
 * encoding it), so a 20 MB string is refused without being copied; only a body whose text
 * fits is encoded, once, and then measured exactly.
 *
 * @param init - the provider, the JSON value, the parts it is made of, and the bound.
 * @returns the body's bytes.
 * @throws {@link InvalidRequestError} naming the largest part, when the body is over the bound
 *   or cannot be encoded.
 * @example
 * ```ts
 * const body = encodeRequestBody({
 *   provider: 'OpenAICompatible',
 *   json: { model, messages },
 *   parts: { model, messages },
 *   maxInputBytes: options.maxInputBytes,
 * });
 * ```
 */
export function encodeRequestBody(init: RequestBodyInit): Uint8Array {
  const { provider, json, parts } = init;
  const limit = init.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const sizes = Object.entries(parts).map(
    ([name, value]) => [name, minimumJsonBytes(value)] as const,
  );
  const atLeast = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
  if (atLeast > limit) {
    const reason = `would make the request body at least ${atLeast} bytes, more than maxInputBytes (${limit})`;
    throw new InvalidRequestError({ provider, field: largestPart(sizes), reason });
  }
  let text: string;
  try {
    text = JSON.stringify(json);
  } catch {
    const reason = 'cannot be encoded as JSON';
    throw new InvalidRequestError({ provider, field: unencodablePart(parts), reason });
  }
  const body = encoder.encode(text);
  if (body.length > limit) {
    const reason = `would make the request body ${body.length} bytes of UTF-8 JSON, more than maxInputBytes (${limit})`;
    throw new InvalidRequestError({ provider, field: largestPart(encodedSizes(parts)), reason });
  }
  return body;
}
