import type { Observable } from 'rxjs';
import { completeWithProviders, type CreateCompletionRequest } from './complete-with-providers.js';

export type { CreateCompletionRequest, ProviderRef } from './complete-with-providers.js';

/**
 * The facade: a completion from one provider, from a list to fall back across, or from the
 * registry's working providers for the model — with optional hedging.
 *
 * - `provider`: that provider only; `ModelNotSupportedError` if it does not serve the model.
 * - `providers`: exactly those, in order; the next is tried when one fails **before its
 *   first chunk**. After the first chunk an error is passed on (nothing is sent twice).
 * - neither: the registry's working providers that serve the model, in order (or shuffled).
 * - `hedge: { after }`: the next provider also starts when the current one is silent for
 *   `after` ms; the first to emit wins, the others are aborted.
 * - When all fail: `AllProvidersFailedError`, each provider's error listed.
 * - Every completion option (`systemMessage`, `temperature`, `timeout`, `maxInputBytes`, and
 *   any other field not listed above) is passed to the provider as it is.
 * - `onProvider` is told before the first chunk (or an empty completion); an exception it
 *   throws is the Observable's error, after that chunk.
 * - Every error is emitted on subscribe, never thrown: a name no provider is registered under,
 *   or a bad `hedge.after`, is an `InvalidRequestError`.
 *
 * @param request - model, messages, provider choice, hedging and completion options.
 * @returns a cold Observable of the reply's text.
 *
 * @example
 * ```ts
 * createCompletion({
 *   model: 'gpt-4o-mini',
 *   messages: [{ role: 'user', content: 'Hello' }],
 *   providers: [local, cloud],
 *   hedge: { after: 1500 },
 *   onProvider: (name) => console.error(`answered by ${name}`),
 * }).subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
export function createCompletion(request: CreateCompletionRequest): Observable<string> {
  return completeWithProviders(request, (provider, model, messages, stream, options) =>
    provider.createCompletion(model, messages, stream, options),
  );
}
