import type { AxiosInstanceLike } from './axios-instance-like.js';

/**
 * The `AbortSignal` set as a default of an axios instance (`axios.create({ signal })`), which a
 * request's own signal would otherwise override: the package keeps its own signal per request
 * (to abort on unsubscribe) and honours this one beside it.
 *
 * @param client - the axios instance a request is sent with.
 * @returns the instance's default signal, or `undefined`.
 * @internal
 */
export function instanceSignal(client: AxiosInstanceLike): AbortSignal | undefined {
  const signal: unknown = (client.defaults as { readonly signal?: unknown }).signal;
  const candidate = signal as { readonly aborted?: unknown; readonly addEventListener?: unknown };
  return typeof signal === 'object' &&
    signal !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function'
    ? (signal as AbortSignal)
    : undefined;
}
