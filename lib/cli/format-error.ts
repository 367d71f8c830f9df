import { errorHint } from './error-hint.js';
import { redactSecrets } from './redact-secrets.js';
import { UsageError } from './usage-error.js';

/** How {@link formatError} prints. */
export interface FormatErrorOptions {
  /** Add the stack trace and the chain of causes. */
  readonly verbose: boolean;
  /** Strings never to print (the API key): each is replaced by `[redacted]`. */
  readonly secrets: readonly (string | undefined)[];
}

/** How many `cause`s deep `--verbose` follows. */
const MAX_CAUSES = 5;

const typeOf = (error: unknown): string =>
  error instanceof Error ? error.name : typeof error === 'object' ? 'Error' : typeof error;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The stack's frames (`    at ...`), without the first line, which repeats the message. */
const framesOf = (error: unknown): string[] =>
  error instanceof Error && error.stack !== undefined
    ? error.stack.split('\n').filter((line) => /^\s+at /.test(line))
    : [];

/**
 * What the CLI prints on stderr for a failure: one line, `error: <Type>: <message>` (line
 * breaks in the message become spaces); with `verbose`, the stack frames and the chain of
 * `cause`s follow. A {@link UsageError} points to `--help`.
 *
 * This package's errors never carry a key; as a second line of defence every `secrets` string
 * is replaced by `[redacted]` in everything printed, stack and causes included.
 *
 * @param error - what the run failed with.
 * @param options - verbosity and the secrets to hide.
 * @returns the text to write, ending with a line break.
 * @example
 * ```ts
 * formatError(new TimeoutError('first', 5000), { verbose: false, secrets: [apiKey] });
 * // 'error: TimeoutError: Timed out waiting for the first chunk after 5000 ms\n'
 * ```
 */
export function formatError(error: unknown, options: FormatErrorOptions): string {
  const hint = error instanceof UsageError ? ' (see rx-completions --help)' : '';
  const message = messageOf(error).replace(/\s*[\r\n]+\s*/g, ' ');
  const lines = [`error: ${typeOf(error)}: ${message}${hint}`];
  const fix = errorHint(error);
  if (fix !== undefined) lines.push(fix);
  if (options.verbose) {
    lines.push(...framesOf(error));
    let cause = error instanceof Error ? error.cause : undefined;
    for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth += 1) {
      lines.push(`caused by: ${typeOf(cause)}: ${messageOf(cause)}`, ...framesOf(cause));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return `${redactSecrets(lines.join('\n'), options.secrets)}\n`;
}
