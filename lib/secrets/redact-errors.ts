import { catchError, throwError, type MonoTypeOperatorFunction } from 'rxjs';
import { redactError } from './redact-error.js';
import type { SecretRedactor } from './secret-redactor.js';

/**
 * Passes values through and redacts the error, whatever its class, with
 * {@link redactError}: a provider applies it once at the end of its pipeline, so that no
 * error it emits — from the response status, the body, the stream, a timeout or a class added
 * later — repeats the request's credentials.
 *
 * @param redactor - the request's redactor.
 * @returns an operator that only touches the error path.
 * @example
 * ```ts
 * const redactor = createSecretRedactor(requestSecrets({ headers, url, axios: instance }));
 * events$.pipe(redactErrors(redactor)).subscribe({ error: (e: unknown) => console.error(e) });
 * ```
 */
export function redactErrors<T>(redactor: SecretRedactor): MonoTypeOperatorFunction<T> {
  return catchError((error: unknown) => throwError(() => redactError(error, redactor)));
}
