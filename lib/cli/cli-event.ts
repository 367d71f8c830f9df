import { CompletionError } from '../errors/completion-error.js';
import type { CompletionEvent } from '../events/completion-event.js';
import { terminalSafeJson } from './terminal-safe-text.js';

/** The last event of a reply that was streamed in full. */
export interface DoneEvent {
  readonly type: 'done';
}

/** The last event of a reply that failed (`--json` only; stderr has the error line too). */
export interface ErrorEvent {
  readonly type: 'error';
  /** The error's class, e.g. `HttpStatusError`. */
  readonly name: string;
  /** The package's error code (`HTTP_STATUS`...), or `null` for another failure. */
  readonly code: string | null;
  /** The error's message. */
  readonly message: string;
}

/**
 * What `--json` prints, one per line: the provider's events (`text-delta`, and for openai
 * `finish` and `usage`), then `done`, or `error` when the run failed.
 *
 * @example
 * ```ts
 * const line = JSON.stringify({ type: 'text-delta', text: 'Hi' } satisfies CliEvent);
 * ```
 */
export type CliEvent = CompletionEvent | DoneEvent | ErrorEvent;

/** The `done` event. */
export const DONE_EVENT: DoneEvent = { type: 'done' };

/**
 * The `error` event for a failure.
 *
 * @param error - what the run failed with.
 * @returns the event (its message is the error's, which never holds a key).
 * @example
 * ```ts
 * errorEvent(new TimeoutError('first', 5000));
 * // { type: 'error', name: 'TimeoutError', code: 'TIMEOUT', message: 'Timed out ...' }
 * ```
 */
export function errorEvent(error: unknown): ErrorEvent {
  return {
    type: 'error',
    name: error instanceof Error ? error.name : 'Error',
    code: CompletionError.isInstance(error) ? error.code : null,
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * How the CLI prints an event: the text of a `text-delta` or a `reasoning-delta` (nothing for
 * the others; the caller lays reasoning out, see `ReplyLayout`), or with
 * `json` the event as one JSON line, every control character escaped (see
 * {@link terminalSafeJson}). The text itself is printed as given: the caller strips a
 * server's terminal controls from it, across chunks.
 *
 * @param event - the event.
 * @param json - `--json`.
 * @returns the text to write (possibly empty).
 * @example
 * ```ts
 * renderEvent({ type: 'text-delta', text: 'Hi' }, false); // 'Hi'
 * renderEvent({ type: 'done' }, true); // '{"type":"done"}\n'
 * ```
 */
export function renderEvent(event: CliEvent, json: boolean): string {
  if (json) return `${terminalSafeJson(event)}\n`;
  return event.type === 'text-delta' || event.type === 'reasoning-delta' ? event.text : '';
}
