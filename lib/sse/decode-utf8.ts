import { Observable, type OperatorFunction } from 'rxjs';

/**
 * Decodes a byte stream as UTF-8 with one streaming `TextDecoder`, so a character split across
 * chunks arrives whole; malformed bytes become U+FFFD, as the WHATWG SSE and Encoding standards
 * say for `text/event-stream`. A leading BOM is dropped. Emits no empty strings.
 *
 * @returns an operator from bytes to text.
 */
export function decodeUtf8(): OperatorFunction<Uint8Array, string> {
  return (source) =>
    new Observable<string>((subscriber) => {
      const decoder = new TextDecoder('utf-8');
      return source.subscribe({
        next: (bytes) => {
          const text = decoder.decode(bytes, { stream: true });
          if (text) subscriber.next(text);
        },
        error: (error: unknown) => {
          const rest = decoder.decode();
          if (rest) subscriber.next(rest);
          subscriber.error(error);
        },
        complete: () => {
          const rest = decoder.decode();
          if (rest) subscriber.next(rest);
          subscriber.complete();
        },
      });
    });
}
