import { catchError, throwError, type MonoTypeOperatorFunction } from 'rxjs';
import { StreamError } from '../../errors/stream-error.js';
import { redactRequestSecrets } from '../../http/request-secrets.js';

/**
 * Replaces a `StreamError` whose `detail` or `excerpt` repeats one of the request's
 * credentials (a server that echoes the key it received into an `error` event, or into data
 * that fails to parse) with the same error, the credentials replaced by `[redacted]`. Other
 * errors pass through as they are.
 *
 * @param secrets - the request's credentials, from `requestSecrets(headers)`.
 * @returns an operator that only touches the error path.
 * @example
 * ```ts
 * events$.pipe(redactStreamErrors(requestSecrets(endpoint.headers)));
 * ```
 * @internal
 */
export function redactStreamErrors<T>(secrets: readonly string[]): MonoTypeOperatorFunction<T> {
  return catchError((error: unknown) => {
    if (secrets.length === 0 || !StreamError.isInstance(error)) return throwError(() => error);
    const redacted = new StreamError({
      kind: error.kind,
      provider: error.provider,
      detail: redactRequestSecrets(error.detail, secrets),
      excerpt: redactRequestSecrets(error.excerpt, secrets),
    });
    return throwError(() => redacted);
  });
}
