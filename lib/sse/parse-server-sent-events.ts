import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { OperatorFunction } from 'rxjs';
import { StreamError } from '../errors/stream-error.js';
import { operate } from '../operators/internal/operate.js';

/** The default bound on one buffered SSE line or event: 1 MiB of text. */
export const DEFAULT_MAX_EVENT_SIZE = 1024 * 1024;

/** Options of {@link parseServerSentEvents}. */
export interface ParseServerSentEventsOptions {
  /** The provider, for error messages. */
  readonly provider: string;
  /**
   * The most characters one line or event may buffer; past it the stream errors with a
   * `StreamError` of kind `event-too-large` instead of growing memory.
   * @default 1048576
   */
  readonly maxEventSize?: number;
}

/**
 * Parses text into Server-Sent Events with the maintained `eventsource-parser`: CRLF, LF and CR
 * line ends, comments, multi-line `data:` fields and events split anywhere across chunks, per
 * the WHATWG HTML standard's event stream interpretation.
 *
 * Events already parsed are emitted before any error; an incomplete last event at the end of
 * the stream is dropped, as the standard says. A CR that ends the stream is a line end: the
 * parser holds a trailing CR back (an LF may follow in the next chunk), so when the text ends
 * with one, the end of the stream completes it, and an event it closes (`data: [DONE]\r\r`)
 * is dispatched.
 *
 * @param options - the provider's name and the size bound.
 * @returns an operator from text to parsed events.
 */
export function parseServerSentEvents(
  options: ParseServerSentEventsOptions,
): OperatorFunction<string, EventSourceMessage> {
  const maxBufferSize = options.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE;
  return operate<string, EventSourceMessage>((subscriber) => {
    const parser = createParser({
      maxBufferSize,
      onEvent: (event) => {
        subscriber.next(event);
      },
      onError: (error) => {
        if (error.type !== 'max-buffer-size-exceeded') return;
        subscriber.error(
          new StreamError({
            kind: 'event-too-large',
            provider: options.provider,
            detail: `an event or line exceeded ${maxBufferSize} characters`,
          }),
        );
      },
    });
    let endsWithCR = false;
    return {
      next: (text) => {
        if (text === '') return;
        endsWithCR = text.endsWith('\r');
        parser.feed(text);
      },
      complete: () => {
        // No LF can follow the last CR now: "\r\n" is the same line end as the lone "\r".
        // (`reset({ consume: true })` would parse the held-back "\r" as a field, not a line end.)
        if (endsWithCR) parser.feed('\n');
        subscriber.complete();
      },
    };
  });
}
