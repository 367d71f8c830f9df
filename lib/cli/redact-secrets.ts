/**
 * `text` with every occurrence of each secret replaced by `[redacted]`: the last line of
 * defence that keeps an API key out of what the CLI prints about a failure.
 *
 * @param text - what is about to be printed.
 * @param secrets - the strings never to print; `undefined` and `''` are skipped.
 * @returns the text, safe to print.
 * @example
 * ```ts
 * redactSecrets('Bearer sk-123 refused', ['sk-123']); // 'Bearer [redacted] refused'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let safe = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret !== '') safe = safe.split(secret).join('[redacted]');
  }
  return safe;
}
