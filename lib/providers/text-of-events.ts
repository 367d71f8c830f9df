import { filter, map, type OperatorFunction } from 'rxjs';
import type { CompletionEvent, TextDeltaEvent } from '../events/completion-event.js';

/**
 * The text of a completion's events: each `text-delta`'s text, the other events left out.
 *
 * @returns an operator from events to text chunks.
 * @example
 * ```ts
 * provider.createCompletionEvents(model, messages, true).pipe(textOfEvents());
 * ```
 */
export function textOfEvents(): OperatorFunction<CompletionEvent, string> {
  return (events$) =>
    events$.pipe(
      filter((event): event is TextDeltaEvent => event.type === 'text-delta'),
      map((event) => event.text),
    );
}
