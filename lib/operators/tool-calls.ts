import { filter, map, type OperatorFunction } from 'rxjs';
import type { CompletionEvent, ToolCallEvent } from '../events/completion-event.js';
import type { ToolCall } from '../messages/tool-call.js';

/** A complete tool call with its arguments parsed. */
export interface ParsedToolCall extends ToolCall {
  /** The arguments, parsed from their JSON text. */
  readonly input: unknown;
}

/**
 * From a completion's events, the complete tool calls: `{ id, name, arguments, input }`, in the
 * order they complete — ready for an assistant message's `toolCalls`.
 *
 * @returns an operator from events to tool calls.
 * @example
 * ```ts
 * provider
 *   .createCompletionEvents({ model, prompt: 'Weather in Oslo?', tools: [weather] })
 *   .pipe(toolCalls())
 *   .subscribe((call) => console.log(call.name, call.input));
 * ```
 */
export function toolCalls(): OperatorFunction<CompletionEvent, ParsedToolCall> {
  return (source) =>
    source.pipe(
      filter((event): event is ToolCallEvent => event.type === 'tool-call'),
      map(({ id, name, arguments: text, input, signature }): ParsedToolCall => ({
        id,
        name,
        arguments: text,
        input,
        ...(signature === undefined ? {} : { signature }),
      })),
    );
}
