import type { CompletionIdentity } from './completion-identity.js';
import type { CompletionReply } from './completion-reply.js';

/**
 * The body of a non-streamed OpenAI completion: one `chat.completion` with the whole message
 * (its content `null` when it only calls tools; its reasoning, when there is some, in
 * `reasoning_content` or `reasoning`; its `tool_calls`), its finish reason and the usage.
 *
 * @param identity - the completion's id, creation time and model.
 * @param reply - the pieces (joined into the content), reasoning, tool calls, finish reason
 *   and usage.
 * @returns the JSON text.
 * @example
 * ```ts
 * JSON.parse(chatCompletionJson(identity, completeReply({ text: 'Hi' }, body))).choices[0].message;
 * // { role: 'assistant', content: 'Hi', refusal: null }
 * ```
 */
export function chatCompletionJson(identity: CompletionIdentity, reply: CompletionReply): string {
  const content = reply.pieces.join('');
  const calls = reply.toolCalls.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
  const reasoning = reply.reasoningPieces.join('');
  return JSON.stringify({
    ...identity,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: content === '' && calls.length > 0 ? null : content,
          ...(reasoning === '' ? {} : { [reply.reasoningField]: reasoning }),
          ...(calls.length === 0 ? {} : { tool_calls: calls }),
          refusal: null,
        },
        logprobs: null,
        finish_reason: reply.finishReason,
      },
    ],
    usage: reply.usage,
  });
}
