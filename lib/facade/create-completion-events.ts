import { map, type Observable } from 'rxjs';
import type { CompletionEvent, TextDeltaEvent } from '../events/completion-event.js';
import { completeWithProviders, type CreateCompletionRequest } from './complete-with-providers.js';

/**
 * The facade of {@link createCompletion}, for events: the same choice of providers, fallback,
 * hedging, `signal` and errors, emitting the winner's `createCompletionEvents` — text,
 * reasoning and tool-call deltas, complete tool calls, finish and usage. A provider that has
 * no `createCompletionEvents` (one of your own) gives its text as `text-delta` events.
 *
 * @param request - model, messages, provider choice, hedging and completion options
 *   (`tools`, `toolChoice`, `responseFormat` among them).
 * @returns a cold Observable of the reply's events.
 *
 * @example
 * ```ts
 * createCompletionEvents({ model: 'gpt-4o-mini', prompt: 'Weather in Oslo?', provider, tools })
 *   .pipe(toolCalls())
 *   .subscribe((call) => console.log(call.name, call.arguments));
 * ```
 */
export function createCompletionEvents(
  request: CreateCompletionRequest,
): Observable<CompletionEvent> {
  return completeWithProviders<CompletionEvent>(
    request,
    (provider, model, messages, stream, options) =>
      provider.createCompletionEvents?.(model, messages, stream, options) ??
      provider
        .createCompletion(model, messages, stream, options)
        .pipe(map((text): TextDeltaEvent => ({ type: 'text-delta', text }))),
  );
}
