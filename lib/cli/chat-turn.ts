import type { Observable } from 'rxjs';

import type { CompletionEvent } from '../events/completion-event.js';
import { streamToOutput, type CliOutput, type StreamOutcome } from './stream-to-output.js';
import { TerminalControlFilter } from './terminal-safe-text.js';

/** How one reply of `rx-completions chat` ended, and the text it brought (in full or not). */
export type ChatTurnResult =
  | { readonly outcome: StreamOutcome; readonly text: string }
  | { readonly outcome: 'failed'; readonly text: string; readonly error: unknown };

/**
 * Streams one reply to `output` as it arrives — each text chunk without a server's terminal
 * controls — and ends it with a line break, so that the next prompt starts a line of its own.
 * Stopped by `signal` (Ctrl-C), the request is aborted and `[stopped]` ends the line. An
 * error is returned, not thrown, with the text that came before it.
 *
 * @param events$ - the completion's events.
 * @param output - where the reply goes.
 * @param signal - stops the reply.
 * @returns how it ended, and the reply's text as the server sent it.
 * @example
 * ```ts
 * const { outcome, text } = await chatTurn(events$, process.stdout, controller.signal);
 * ```
 */
export async function chatTurn(
  events$: Observable<CompletionEvent>,
  output: CliOutput,
  signal: AbortSignal,
): Promise<ChatTurnResult> {
  const controls = new TerminalControlFilter();
  let text = '';
  let endsWithNewline = true;
  const render = (event: CompletionEvent): string => {
    if (event.type !== 'text-delta') return '';
    text += event.text;
    const shown = controls.push(event.text);
    if (shown !== '') endsWithNewline = shown.endsWith('\n');
    return shown;
  };
  const newline = (): string => (endsWithNewline ? '' : '\n');
  try {
    const outcome = await streamToOutput(events$, output, render, signal);
    if (outcome === 'completed') output.write(newline());
    if (outcome === 'interrupted') output.write(`${newline()}[stopped]\n`);
    return { outcome, text };
  } catch (error) {
    output.write(newline());
    return { outcome: 'failed', text, error };
  }
}
