import type { AxiosInstance } from 'axios';

/**
 * Any axios 1.x instance (`axios`, or one from `axios.create(...)`), described by the two
 * members this package uses, so that an app's own axios — another 1.x version, whose type
 * declarations differ from this package's — is accepted as it is.
 *
 * @example
 * ```ts
 * import axios from 'axios'; // the app's own copy, any 1.x
 * Aivvm.createCompletion('gpt-4', messages, true, { axios: axios.create({ timeout: 0 }) });
 * ```
 */
export interface AxiosInstanceLike {
  /** Sends a request: axios's `instance.request(config)`. */
  request(config: never): Promise<unknown>;
  /** The instance's defaults: adapter, headers, `auth`, `signal`, `baseURL`. */
  readonly defaults: object;
}

/**
 * The instance as this package's axios types describe it. Every axios 1.x instance has the
 * same `request(config)` and `defaults` at run time; only the declarations differ between
 * versions.
 *
 * @param instance - any axios 1.x instance.
 * @returns the same instance.
 * @internal
 */
export function asAxiosInstance(instance: AxiosInstanceLike): AxiosInstance {
  return instance as unknown as AxiosInstance;
}
