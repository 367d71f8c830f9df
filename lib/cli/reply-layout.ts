import type { ToolCallEvent } from '../events/completion-event.js';

/** SGR "faint" (ECMA-48 §8.3.117, parameter 2) and its end, "normal intensity" (22). */
const FAINT = '\u001b[2m';
const NORMAL_INTENSITY = '\u001b[22m';

/**
 * Text shown dimmed on a terminal: wrapped in SGR 2 (faint) and SGR 22 (normal intensity),
 * which ends the dimming without resetting any other attribute.
 *
 * @param text - the text.
 * @returns the wrapped text (`''` for `''`).
 * @example
 * ```ts
 * dimmed('thinking'); // '\x1b[2mthinking\x1b[22m'
 * ```
 */
export function dimmed(text: string): string {
  return text === '' ? '' : `${FAINT}${text}${NORMAL_INTENSITY}`;
}

/**
 * The line the CLI prints on stderr for a complete tool call: `→ name(arguments)`.
 *
 * @param call - the call.
 * @returns the line, ending with a line feed.
 * @example
 * ```ts
 * toolCallLine({ type: 'tool-call', index: 0, id: 'c', name: 'f', arguments: '{"a":1}', input: { a: 1 } });
 * // '→ f({"a":1})\n'
 * ```
 */
export function toolCallLine(call: ToolCallEvent): string {
  return `→ ${call.name}(${call.arguments})\n`;
}

/**
 * Lays out a reply's reasoning and text for the console: reasoning as it streams, dimmed on
 * a terminal and plain elsewhere, then a blank line before the first text that follows it,
 * so the answer stands apart from the thinking even without colours.
 *
 * @example
 * ```ts
 * const layout = new ReplyLayout(true);
 * layout.reasoning('Hm.'); // '\x1b[2mHm.\x1b[22m'
 * layout.text('Yes.');     // '\n\nYes.'
 * ```
 */
export class ReplyLayout {
  #afterReasoning = false;

  /** @param terminal - whether the output is a terminal (dims the reasoning). */
  constructor(private readonly terminal: boolean) {}

  /**
   * A piece of reasoning, as it is to be written.
   *
   * @param text - the piece (already free of the server's terminal controls).
   */
  reasoning(text: string): string {
    if (text === '') return '';
    this.#afterReasoning = true;
    return this.terminal ? dimmed(text) : text;
  }

  /**
   * A piece of the answer's text, as it is to be written.
   *
   * @param text - the piece (already free of the server's terminal controls).
   */
  text(text: string): string {
    if (text === '' || !this.#afterReasoning) return text;
    this.#afterReasoning = false;
    return `\n\n${text}`;
  }
}
