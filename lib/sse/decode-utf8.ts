import type { OperatorFunction } from 'rxjs';
import { incompleteUtf8TailLength } from '../decode/utf8-sequences.js';
import { operate } from '../operators/internal/operate.js';

const STREAM = { stream: true } as const;

/** Decodes whole characters only, at the stream's start: a leading BOM is dropped. */
const FIRST = new TextDecoder('utf-8');
/** Decodes whole characters only, after the start: a BOM there is text (U+FEFF). */
const WHOLE = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes a byte stream as UTF-8, so a character split across chunks arrives whole; malformed
 * bytes become U+FFFD, as the WHATWG SSE and Encoding standards say for `text/event-stream`.
 * A leading BOM is dropped. Emits no empty strings.
 *
 * Chunks that end on a whole character are decoded by a decoder never called with `stream`
 * (shared, since such a call keeps no state): Node keeps its fast path (simdutf) for those,
 * several times faster than the streaming one on the ASCII JSON of an SSE stream. A streaming
 * `TextDecoder` is made only when a chunk ends inside a character, and then takes every chunk
 * until one that is ASCII leaves it without pending bytes. Nothing is held back across a
 * switch, so the text is the same as one streaming decoder's; and a stream that never splits
 * a character makes no decoder of its own (making one costs more than decoding a short reply).
 *
 * @returns an operator from bytes to text.
 */
export function decodeUtf8(): OperatorFunction<Uint8Array, string> {
  return operate<Uint8Array, string>((subscriber) => {
    let streaming: TextDecoder | undefined;
    // Whether a byte has been decoded: after that, a BOM is text (WHATWG Encoding: only the
    // stream's first is dropped).
    let started = false;
    // Whether the last chunk was ASCII and left the streaming decoder without pending bytes.
    let ascii = false;
    const decode = (bytes: Uint8Array): string => {
      const ends = incompleteUtf8TailLength(bytes) === 0;
      let text: string;
      if (ends && (streaming === undefined || ascii)) {
        text = (started ? WHOLE : FIRST).decode(bytes);
      } else {
        streaming ??= new TextDecoder('utf-8', { ignoreBOM: started });
        text = streaming.decode(bytes, STREAM);
      }
      ascii = ends && bytes.length > 0 && text.length === bytes.length;
      // An empty chunk leaves the BOM window open: only a byte closes it.
      if (bytes.length > 0) started = true;
      return text;
    };
    const rest = (): string => streaming?.decode() ?? '';
    return {
      next: (bytes) => {
        const text = decode(bytes);
        if (text) subscriber.next(text);
      },
      error: (error: unknown) => {
        const text = rest();
        if (text) subscriber.next(text);
        subscriber.error(error);
      },
      complete: () => {
        const text = rest();
        if (text) subscriber.next(text);
        subscriber.complete();
      },
    };
  });
}
