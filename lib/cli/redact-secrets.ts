import { createSecretRedactor } from '../secrets/secret-redactor.js';

/**
 * `text` with every secret replaced by `[redacted]`, in every form a server may have echoed
 * it in (see `createSecretRedactor`): the last line of defence that keeps an API key out of
 * what the CLI prints about a failure.
 *
 * @param text - what is about to be printed.
 * @param secrets - the strings never to print; `undefined` and values shorter than 8
 *   characters are skipped.
 * @returns the text, safe to print.
 * @example
 * ```ts
 * redactSecrets('Bearer sk-12345678 refused', ['sk-12345678']); // 'Bearer [redacted] refused'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return createSecretRedactor(secrets).redact(text);
}
