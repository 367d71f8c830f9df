import type { CompletionOptions, Provider } from '../providers/provider.js';

/** A provider as the registry holds it. */
export interface RegisteredProvider {
  /** The name it is registered under (the provider's own name unless given). */
  readonly name: string;
  /** The provider. */
  readonly provider: Provider;
  /** Whether automatic selection may pick it (starts as the provider's own flag). */
  readonly working: boolean;
  /** Options merged into every call made through the registry (e.g. Aivvm's `baseURL`). */
  readonly options: Readonly<Record<string, unknown>>;
}

/** How a provider is registered. */
export interface RegisterOptions {
  /** The name to register it under. @default the provider's `name` */
  readonly name?: string;
  /** Override its `working` flag. @default the provider's own flag */
  readonly working?: boolean;
  /** Options merged into every call (call options win). */
  readonly options?: CompletionOptions & Readonly<Record<string, unknown>>;
}

/**
 * Providers by name, with their flags and models, as g4f keeps them: what the
 * `createCompletion` facade selects from when no provider is named.
 *
 * @example
 * ```ts
 * const registry = new ProviderRegistry();
 * registry.register(new OpenAICompatible({ baseURL: 'http://127.0.0.1:11434/v1', name: 'ollama' }));
 * registry.register(Aivvm, { working: true, options: { baseURL: server.url } });
 * registry.select('gpt-4'); // the working providers that serve gpt-4, in registration order
 * ```
 */
export class ProviderRegistry {
  readonly #entries = new Map<string, RegisteredProvider>();

  /**
   * Adds (or replaces) a provider.
   *
   * @param provider - any {@link Provider}: `Aivvm`, an `OpenAICompatible`, your own.
   * @param options - its name, `working` override and default call options.
   * @returns this registry.
   */
  register(provider: Provider, options: RegisterOptions = {}): this {
    const name = options.name ?? provider.name;
    if (!name) throw new TypeError('register: the provider needs a name');
    this.#entries.set(name, {
      name,
      provider,
      working: options.working ?? provider.working,
      options: options.options ?? {},
    });
    return this;
  }

  /**
   * Removes a provider.
   *
   * @param name - its registered name.
   * @returns whether it was there.
   */
  unregister(name: string): boolean {
    return this.#entries.delete(name);
  }

  /**
   * Sets a provider's `working` flag: automatic selection skips providers that are not working.
   *
   * @param name - its registered name.
   * @param working - the new flag.
   */
  setWorking(name: string, working: boolean): void {
    const entry = this.#entries.get(name);
    if (!entry) throw new RangeError(`setWorking: no provider named ${name}`);
    this.#entries.set(name, { ...entry, working });
  }

  /**
   * A provider by name, or `undefined`.
   *
   * @param name - its registered name.
   */
  get(name: string): RegisteredProvider | undefined {
    return this.#entries.get(name);
  }

  /** Every registered provider, in registration order. */
  list(): readonly RegisteredProvider[] {
    return [...this.#entries.values()];
  }

  /**
   * The working providers that serve `model`, in registration order.
   *
   * @param model - the model name.
   */
  select(model: string): readonly RegisteredProvider[] {
    return this.list().filter((entry) => entry.working && entry.provider.supportsModel(model));
  }
}
