import { defer, tap, throwError, type Observable, type SchedulerLike } from 'rxjs';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import type { Messages } from '../messages/chat-message.js';
import type { CompletionOptions, Provider } from '../providers/provider.js';
import { defaultRegistry } from '../registry/default-registry.js';
import type { ProviderRegistry, RegisteredProvider } from '../registry/provider-registry.js';
import { raceFirstValue, type Candidate } from '../registry/race-first-value.js';
import { shuffled } from '../registry/shuffled.js';

/** A provider, or the name it is registered under. */
export type ProviderRef = Provider | string;

/** What the `createCompletion` facade takes. */
export interface CreateCompletionRequest extends CompletionOptions {
  /** The model name. */
  readonly model: string;
  /** The conversation, oldest first. */
  readonly messages: Messages;
  /** Use exactly this provider (an error if it does not serve the model). */
  readonly provider?: ProviderRef;
  /** Fall back across exactly these, in order. */
  readonly providers?: readonly ProviderRef[];
  /** Start the next provider too when the current one has not answered within `after` ms. */
  readonly hedge?: { readonly after: number };
  /** Stream chunks (`true`, the default) or emit the whole reply once. @default true */
  readonly stream?: boolean;
  /** Try the selected providers in random order, as g4f's `RetryProvider` can. @default false */
  readonly shuffle?: boolean;
  /** Where names and automatic selection look. @default defaultRegistry */
  readonly registry?: ProviderRegistry;
  /** Told which provider answered (emitted first, or completed empty), for logging. */
  readonly onProvider?: (name: string) => void;
  /** The scheduler of the hedge timer (for tests in virtual time). */
  readonly scheduler?: SchedulerLike;
  /** Provider-specific options (e.g. Aivvm's `baseURL`), passed to every provider. */
  readonly providerOptions?: Readonly<Record<string, unknown>>;
}

function resolve(ref: ProviderRef, registry: ProviderRegistry): RegisteredProvider {
  if (typeof ref !== 'string') return { name: ref.name, provider: ref, working: true, options: {} };
  const entry = registry.get(ref);
  if (!entry) throw new RangeError(`createCompletion: no provider named ${ref} is registered`);
  return entry;
}

function chosen(
  request: CreateCompletionRequest,
  registry: ProviderRegistry,
): RegisteredProvider[] {
  if (request.provider !== undefined) return [resolve(request.provider, registry)];
  if (request.providers) return request.providers.map((ref) => resolve(ref, registry));
  const selected = registry.select(request.model);
  return request.shuffle ? shuffled(selected) : [...selected];
}

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
  const registry = request.registry ?? defaultRegistry;
  const { model, messages, stream = true, hedge, onProvider, scheduler } = request;
  const { systemMessage, temperature, timeout } = request;
  const common: CompletionOptions = {
    ...(systemMessage === undefined ? {} : { systemMessage }),
    ...(temperature === undefined ? {} : { temperature }),
    ...(timeout === undefined ? {} : { timeout }),
  };
  if (hedge && (!Number.isFinite(hedge.after) || hedge.after < 0)) {
    throw new RangeError(`createCompletion: hedge.after must be a finite number of ms >= 0`);
  }
  return defer(() => {
    const entries = chosen(request, registry);
    if (entries.length === 0) {
      return throwError(() => new ModelNotSupportedError(model, 'any working registered provider'));
    }
    const only = entries.length === 1 && request.provider !== undefined;
    const candidates: Candidate<string>[] = entries.map((entry) => ({
      name: entry.name,
      start: () => {
        if (!entry.provider.supportsModel(model)) {
          return throwError(() => new ModelNotSupportedError(model, entry.name));
        }
        const options = { ...entry.options, ...request.providerOptions, ...common };
        return entry.provider.createCompletion(model, messages, stream, options);
      },
    }));
    const [first] = candidates;
    if (only && first) {
      let told = false;
      // Told on the first chunk, or on completion for an empty reply (as `raceFirstValue` does).
      const tell = (): void => {
        if (told) return;
        told = true;
        onProvider?.(first.name);
      };
      return defer(first.start).pipe(tap({ next: tell, complete: tell }));
    }
    return raceFirstValue(candidates, {
      after: hedge?.after,
      scheduler,
      onWinner: onProvider,
      // Bad input is the caller's: every provider would refuse it the same way.
      isFinal: (error) => InvalidRequestError.isInstance(error),
    });
  });
}
