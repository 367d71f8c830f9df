import type { ForwardTarget } from '../forward/forward-target.js';
import type { ProviderForwardTarget } from '../forward/forward-through-provider.js';

/**
 * What the loopback server's routes know about their server, normalised once when it starts.
 *
 * @example
 * ```ts
 * const routes = createLoopbackRoutes({ apiKey: undefined, models: ['gpt-4'], upstream: () => target });
 * ```
 */
export interface LoopbackRouteConfig {
  /** The key `/v1/*` requires, if any. */
  readonly apiKey: string | undefined;
  /** The model ids `GET /v1/models` lists. */
  readonly models: readonly string[];
  /** Where `/api/chat` forwards; asked per request (the server's own URL is known late). */
  readonly upstream: () => ForwardTarget | ProviderForwardTarget;
}
