import { redactError } from '../secrets/redact-error.js';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import { exitCodeFor } from './exit-codes.js';
import { formatError } from './format-error.js';
import { redactSecrets } from './redact-secrets.js';
import { stripTerminalControls } from './terminal-safe-text.js';

/**
 * What `rx-completions chat` prints when a turn fails, as the one-shot command does: one line
 * (`error: <Type>: <message>`; stack and causes with `verbose`) without a server's terminal
 * controls and with every secret redacted, and the exit code the error maps to.
 *
 * @param error - the turn's error.
 * @param verbose - add the stack and the causes.
 * @param secrets - strings never to print (the API key).
 * @returns the text to print on stderr and the error's exit code.
 * @example
 * ```ts
 * const { line } = chatErrorLine(error, false, [apiKey]);
 * process.stderr.write(line);
 * ```
 */
export function chatErrorLine(
  error: unknown,
  verbose: boolean,
  secrets: readonly (string | undefined)[],
): { readonly line: string; readonly exitCode: number } {
  const safe = redactError(error, createSecretRedactor(secrets));
  const line = stripTerminalControls(formatError(safe, { verbose, secrets }));
  return { line: redactSecrets(line, secrets), exitCode: exitCodeFor(safe) };
}
