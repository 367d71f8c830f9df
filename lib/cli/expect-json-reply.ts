import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

import type { CompletionEvent } from '../events/completion-event.js';
import { parseJsonText } from '../json/parse-json-text.js';

/**
 * Passes a reply's events through and, when it completes, checks that its text is one JSON
 * document (RFC 8259): a `JsonParseError` (with the offset) otherwise, after every event.
 *
 * @returns the operator.
 * @example
 * ```ts
 * events$.pipe(expectJsonReply()); // errors if the model did not answer in JSON
 * ```
 */
export function expectJsonReply(): MonoTypeOperatorFunction<CompletionEvent> {
  return (source) =>
    new Observable<CompletionEvent>((subscriber) => {
      const text: string[] = [];
      return source.subscribe({
        next: (event) => {
          if (event.type === 'text-delta') text.push(event.text);
          subscriber.next(event);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          try {
            parseJsonText(text.join(''));
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.complete();
        },
      });
    });
}
