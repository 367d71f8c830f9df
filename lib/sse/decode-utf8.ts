import type { OperatorFunction } from 'rxjs';
import { incompleteUtf8TailLength } from '../decode/utf8-sequences.js';
import { operate } from '../operators/internal/operate.js';

const STREAM = { stream: true } as const;

/**
 * Decodes a byte stream as UTF-8, so a character split across chunks arrives whole; malformed
 * bytes become U+FFFD, as the WHATWG SSE and Encoding standards say for `text/event-stream`.
 * A leading BOM is dropped. Emits no empty strings.
 *
 * Two decoders share the work. A streaming `TextDecoder` takes the first chunk, any chunk that
 * ends inside a character, and every chunk after one that was not ASCII. A chunk after an ASCII
 * one, and ending on a whole character, goes to a decoder never called with `stream`: Node keeps
 * its fast path (simdutf) for those, several times faster than the streaming one on the ASCII
 * JSON of an SSE stream. Nothing is held back across that switch, so the text is the same.
 *
 * @returns an operator from bytes to text.
 */
export function decodeUtf8(): OperatorFunction<Uint8Array, string> {
  return operate<Uint8Array, string>((subscriber) => {
    const streaming = new TextDecoder('utf-8');
    // A BOM after the first chunk is text (WHATWG Encoding: only the stream's first is dropped).
    const whole = new TextDecoder('utf-8', { ignoreBOM: true });
    // Whether the last chunk was ASCII and ended the streaming decoder's state.
    let ascii = false;
    const decode = (bytes: Uint8Array): string => {
      const ends = incompleteUtf8TailLength(bytes) === 0;
      const text = ascii && ends ? whole.decode(bytes) : streaming.decode(bytes, STREAM);
      // An empty first chunk leaves the BOM window open: only text that came out closes it.
      ascii = ends && bytes.length > 0 && text.length === bytes.length;
      return text;
    };
    return {
      next: (bytes) => {
        const text = decode(bytes);
        if (text) subscriber.next(text);
      },
      error: (error: unknown) => {
        const rest = streaming.decode();
        if (rest) subscriber.next(rest);
        subscriber.error(error);
      },
      complete: () => {
        const rest = streaming.decode();
        if (rest) subscriber.next(rest);
        subscriber.complete();
      },
    };
  });
}
