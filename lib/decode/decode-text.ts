import type { OperatorFunction } from 'rxjs';

import { operate } from '../operators/internal/operate.js';

import { DecodeTextSubscriber } from './decode-text-subscriber.js';
import { normalizeDecodeTextOptions } from './decode-text-options.js';
import type { DecodeTextOptions } from './decode-text-options.js';

export type { DecodeTextErrors, DecodeTextOptions } from './decode-text-options.js';

/**
 * Decodes a stream of byte chunks to text: UTF-8, with Python's `unicode-escape` for what is
 * not UTF-8, never breaking a character or an escape at a chunk boundary.
 *
 * ```text
 * source:  -[68 e4]-[b8 80]-[e9 5c 75 32]-[30 61 63]-|
 * result:  -'h'-----'一'----'é'-----------'€'--------|
 * ```
 *
 * Each chunk, joined to what was held back, gives at most one string, never an empty one:
 * - if it is valid UTF-8 up to a trailing incomplete sequence (what a streaming `TextDecoder`
 *   holds back; `ED A0` is not one), that is the text and the sequence waits for the next chunk.
 *   So escapes in a chunk that is UTF-8 (plain ASCII included) stay as they are;
 * - otherwise it is decoded as Python's `bytes.decode('unicode-escape')` (`\n`, `\xe9`,
 *   `\u20ac`, `\U0001F600`, octal `\351`, `\N{EM DASH}`; other bytes as Latin-1), and a
 *   trailing escape that more bytes could complete waits: the next chunk is joined to it and
 *   decoded as `unicode-escape` too.
 *
 * At completion, what is held back is decoded as final: a truncated escape is malformed, a
 * truncated UTF-8 sequence comes out as Latin-1. An error of the source is forwarded after the
 * bytes held back, which come out as Latin-1 characters (a truncated escape as its characters,
 * not a second error): nothing received is lost, but for the one thing not held back below.
 *
 * What is held back stays small: 3 bytes of UTF-8, or an escape of up to 10 bytes, or `\N{` and
 * a name of up to 256 bytes. A longer name is no Unicode name whatever follows, so its bytes are
 * skipped, not kept: at its `}` it is an unknown name (from its `\` to the `}`, as Python says),
 * at the end of the stream a malformed `\N` escape. Time stays linear in the bytes.
 *
 * A malformed escape (`\xZZ`, `\U00110000`, an unknown `\N{...}`, a truncated escape at the end)
 * first emits the text decoded before it, then errors with a {@link DecodeError} carrying Python's
 * `reason` and the byte `offset` of the escape in the stream. With `{ errors: 'replace' }` it
 * becomes U+FFFD where Python's `errors='replace'` puts one, and the stream never errors.
 *
 * The `\N{...}` name table (Unicode 17: about 255 kB minified, 107 kB gzipped) is a chunk of its
 * own, loaded the first time a stream meets such an escape; meanwhile the chunks that follow
 * wait, in order. Everything else is synchronous.
 *
 * @param options - `errors`: `'strict'` (the default) or `'replace'`.
 * @returns an operator from byte chunks to text chunks.
 * @throws TypeError at once (not on subscribe) when the options are invalid.
 * @see {@link DecodeError}
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { decodeText } from 'rx-completions';
 *
 * const bytes = new TextEncoder().encode('Привет, мир');
 * of(bytes.subarray(0, 3), bytes.subarray(3), Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x21))
 *   .pipe(decodeText())
 *   .subscribe((text) => console.log(text)); // 'П', 'ривет, мир', then 'café!' (not UTF-8)
 * ```
 */
export function decodeText(options?: DecodeTextOptions): OperatorFunction<Uint8Array, string> {
  const { replace } = normalizeDecodeTextOptions(options);
  return operate<Uint8Array, string>((destination) => {
    // The decoder's state and its queue (while the name table loads) live in it; `operate`
    // links it all to the consumer and turns an exception thrown on a chunk into `error`.
    const decoder = new DecodeTextSubscriber(destination, replace);
    destination.add(decoder);
    return {
      next: (chunk) => {
        decoder.next(chunk);
      },
      error: (error: unknown) => {
        decoder.error(error);
      },
      complete: () => {
        decoder.complete();
      },
    };
  });
}
