import { Refusal } from './body-refusal.js';
import type { OpenAIMessage } from './chat-message-field.js';

function unanswered(index: number, ids: ReadonlySet<string>): Refusal {
  return new Refusal(
    "An assistant message with 'tool_calls' must be followed by tool messages responding to " +
      `each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...ids].join(', ')}`,
    `messages.[${index}].role`,
    null,
  );
}

/**
 * Checks the conversation's tool calls as OpenAI does: every `tool` message answers a call of
 * the assistant message right before the run of tool messages it belongs to, and every call
 * of an assistant message is answered before the conversation goes on.
 *
 * @param messages - the conversation, read.
 * @throws Refusal (`param` `messages.[i].role`) for a tool message answering no call, or for
 *   an assistant message with calls left unanswered.
 * @example
 * ```ts
 * checkToolAnswers([{ role: 'tool', content: '4', toolCalls: [], toolCallId: 'call_1' }]); // throws
 * ```
 */
export function checkToolAnswers(messages: readonly OpenAIMessage[]): void {
  let open: { readonly index: number; readonly ids: Set<string> } | undefined;
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      const id = message.toolCallId ?? '';
      if (open?.ids.has(id) !== true) {
        throw new Refusal(
          "Invalid parameter: messages with role 'tool' must be a response to a preceding " +
            `message with 'tool_calls' (no call has the id '${id}').`,
          `messages.[${index}].role`,
          null,
        );
      }
      open.ids.delete(id);
      continue;
    }
    if (open !== undefined && open.ids.size > 0) throw unanswered(open.index, open.ids);
    open =
      message.toolCalls.length > 0
        ? { index, ids: new Set(message.toolCalls.map((call) => call.id)) }
        : undefined;
  }
  if (open !== undefined && open.ids.size > 0) throw unanswered(open.index, open.ids);
}
