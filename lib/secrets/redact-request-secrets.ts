import { createSecretRedactor, type SecretRedactor } from './secret-redactor.js';

const redactors = new WeakMap<readonly string[], SecretRedactor>();

/**
 * `text` with the request's secrets redacted, in every form (see `createSecretRedactor`);
 * the redactor is built once per list of secrets.
 *
 * @param text - what an error is about to carry.
 * @param secrets - from `requestSecrets`.
 * @returns the text, safe to keep on an error.
 * @example
 * ```ts
 * redactRequestSecrets('bad key sk-123456789', ['sk-123456789']); // 'bad key [redacted]'
 * ```
 */
export function redactRequestSecrets(text: string, secrets: readonly string[]): string {
  let redactor = redactors.get(secrets);
  if (redactor === undefined) {
    redactor = createSecretRedactor(secrets);
    redactors.set(secrets, redactor);
  }
  return redactor.redact(text);
}
