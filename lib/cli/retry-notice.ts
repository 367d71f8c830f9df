import type { RetryWait } from '../operators/retry-completion.js';
import { redactSecrets } from './redact-secrets.js';
import { stripTerminalControls } from './terminal-safe-text.js';

const typeOf = (error: unknown): string =>
  error instanceof Error ? error.name : typeof error === 'object' ? 'Error' : typeof error;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The line `--verbose` prints on stderr when a failed request is about to be sent again:
 * which retry of how many, how long it waits, and the error that caused it, on one line. A
 * server's words may be quoted in the message: its terminal controls are removed and every
 * `secrets` string is replaced by `[redacted]`.
 *
 * @param error - the failed attempt's error.
 * @param wait - the retry's number and wait, as `retryCompletion`'s `onRetry` tells them.
 * @param retries - how many retries `--retries` allows.
 * @param secrets - strings never to print (the API key).
 * @returns the line, ending with a line break.
 * @example
 * ```ts
 * retryNotice(new TimeoutError('first', 1000), { retry: 1, retryAfterMs: undefined, waitMs: 512 }, 2, [key]);
 * // 'retry 1/2 in 512 ms after TimeoutError: Timed out waiting for the first chunk after 1000 ms\n'
 * ```
 */
export function retryNotice(
  error: unknown,
  wait: RetryWait,
  retries: number,
  secrets: readonly (string | undefined)[],
): string {
  const message = messageOf(error).replace(/\s*[\r\n]+\s*/g, ' ');
  const line = `retry ${wait.retry}/${retries} in ${Math.round(wait.waitMs)} ms after ${typeOf(error)}: ${message}`;
  return `${redactSecrets(stripTerminalControls(line), secrets)}\n`;
}
