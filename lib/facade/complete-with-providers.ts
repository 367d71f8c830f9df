import { defer, throwError, type Observable, type SchedulerLike } from 'rxjs';
import { NoWorkingProviderError } from '../errors/no-working-provider-error.js';
import { abortOnSignal } from '../operators/abort-on-signal.js';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import type { Messages } from '../messages/chat-message.js';
import { clampedDelay } from '../operators/internal/timer-limit.js';
import type { CompletionOptions, Provider } from '../providers/provider.js';
import { defaultRegistry } from '../registry/default-registry.js';
import type { ProviderRegistry, RegisteredProvider } from '../registry/provider-registry.js';
import { raceFirstValue, type Candidate } from '../race/race-first-value.js';
import { shuffled } from '../race/shuffled.js';
import { whenAnswered } from '../race/when-answered.js';
import { describeValue } from '../validation/describe-value.js';

/** A provider, or the name it is registered under. */
export type ProviderRef = Provider | string;

/** What the `createCompletion` facade takes. */
export interface CreateCompletionRequest extends CompletionOptions {
  /** The model name. */
  readonly model: string;
  /** The conversation, oldest first (or give `prompt`). */
  readonly messages?: Messages;
  /** One user message, instead of `messages`: `[{ role: 'user', content: prompt }]`. */
  readonly prompt?: string;
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

/** The name `InvalidRequestError`s of the facade give as their provider. */
const FACADE = 'createCompletion';

function resolve(ref: ProviderRef, registry: ProviderRegistry, field: string): RegisteredProvider {
  if (typeof ref !== 'string') return { name: ref.name, provider: ref, working: true, options: {} };
  const entry = registry.get(ref);
  if (entry) return entry;
  // The unknown name is not echoed (it could be a key pasted in the wrong place).
  const known = registry.list().map((registered) => registered.name);
  throw new InvalidRequestError({
    provider: FACADE,
    field,
    reason: `must be a provider or a registered name; no provider of that name is registered (registered: ${known.join(', ') || 'none'})`,
  });
}

function chosen(
  request: CreateCompletionRequest,
  registry: ProviderRegistry,
): RegisteredProvider[] {
  if (request.provider !== undefined) return [resolve(request.provider, registry, 'provider')];
  if (request.providers) {
    return request.providers.map((ref, index) => resolve(ref, registry, `providers[${index}]`));
  }
  const selected = registry.select(request.model);
  return request.shuffle ? shuffled(selected) : [...selected];
}

/** The fields the facade itself uses; every other field is a completion option. */
const FACADE_FIELDS: Readonly<
  Record<Exclude<keyof CreateCompletionRequest, keyof CompletionOptions>, true>
> = {
  model: true,
  messages: true,
  prompt: true,
  provider: true,
  providers: true,
  hedge: true,
  stream: true,
  shuffle: true,
  registry: true,
  onProvider: true,
  scheduler: true,
  providerOptions: true,
};

/**
 * The completion options of a request: its fields but the facade's own, as they are. The
 * `signal` stays with the facade too: it stops the whole run (every candidate, and the wait
 * between them), so it is applied once, around the race, not given to each provider.
 */
function completionOptions(request: CreateCompletionRequest): CompletionOptions {
  return Object.fromEntries(
    Object.entries(request).filter(
      ([field]) => !Object.hasOwn(FACADE_FIELDS, field) && field !== 'signal',
    ),
  );
}

/** The conversation: `messages`, or `prompt` as one user message (not both). */
function conversationOf(request: CreateCompletionRequest): Messages {
  const { messages, prompt } = request;
  if (prompt === undefined) return messages as Messages;
  if (messages !== undefined) {
    throw new InvalidRequestError({
      provider: FACADE,
      field: 'prompt',
      reason: 'cannot be given with messages: pass one or the other',
    });
  }
  return [{ role: 'user', content: prompt }];
}

function checkHedge(hedge: CreateCompletionRequest['hedge']): void {
  if (hedge === undefined) return;
  const after: unknown = (hedge as { readonly after?: unknown }).after;
  if (typeof after === 'number' && Number.isFinite(after) && after >= 0) return;
  throw new InvalidRequestError({
    provider: FACADE,
    field: 'hedge.after',
    reason: `must be a finite number of ms >= 0, got ${describeValue(after)}`,
  });
}

/** How one provider is asked: its text, or its events. */
export type StartCompletion<T> = (
  provider: Provider,
  model: string,
  messages: Messages,
  stream: boolean,
  options: CompletionOptions,
) => Observable<T>;

/**
 * The facade's work, for any kind of value: the providers chosen for the request, raced or
 * tried in turn, each asked through `start`.
 *
 * @param request - the facade's request.
 * @param start - how to ask one provider.
 * @returns a cold Observable of what the winning provider emits.
 * @internal
 */
export function completeWithProviders<T>(
  request: CreateCompletionRequest,
  start: StartCompletion<T>,
): Observable<T> {
  return defer(() => {
    const { model, hedge, stream = true, registry = defaultRegistry } = request;
    const messages = conversationOf(request);
    const { onProvider, scheduler, providerOptions } = request;
    const common = completionOptions(request);
    checkHedge(hedge);
    const entries = chosen(request, registry);
    if (entries.length === 0) {
      const notWorking = registry
        .list()
        .filter((entry) => !entry.working && entry.provider.supportsModel(model))
        .map((entry) => entry.name);
      return throwError(() => new NoWorkingProviderError(model, notWorking));
    }
    const candidates: Candidate<T>[] = entries.map((entry) => ({
      name: entry.name,
      start: () => {
        if (!entry.provider.supportsModel(model)) {
          return throwError(() => new ModelNotSupportedError(model, entry.name));
        }
        const options = { ...entry.options, ...providerOptions, ...common };
        return start(entry.provider, model, messages, stream, options);
      },
    }));
    const [first] = candidates;
    if (request.provider !== undefined && first) {
      // The same rule as the race's winner: told on the first chunk, or on an empty completion.
      return defer(first.start).pipe(whenAnswered(() => onProvider?.(first.name)));
    }
    return raceFirstValue(candidates, {
      after: hedge && clampedDelay(hedge.after), // longer than a timer can wait: 2³¹ − 1 ms
      scheduler,
      onWinner: onProvider,
      // Bad input is the caller's: every provider would refuse it the same way.
      isFinal: (error) => InvalidRequestError.isInstance(error),
    });
  }).pipe(abortOnSignal(request.signal));
}
