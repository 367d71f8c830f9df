import type { CompletionIdentity } from './completion-identity.js';
import type { CompletionText } from './completion-text.js';

/**
 * The body of a non-streamed OpenAI completion: one `chat.completion` with the whole message,
 * its finish reason and the usage.
 *
 * @param identity - the completion's id, creation time and model.
 * @param completion - the pieces (joined into the content), finish reason and usage.
 * @returns the JSON text.
 * @example
 * ```ts
 * JSON.parse(chatCompletionJson(identity, completeText('Hi', body))).choices[0].message;
 * // { role: 'assistant', content: 'Hi', refusal: null }
 * ```
 */
export function chatCompletionJson(
  identity: CompletionIdentity,
  completion: CompletionText,
): string {
  return JSON.stringify({
    ...identity,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: completion.pieces.join(''), refusal: null },
        logprobs: null,
        finish_reason: completion.finishReason,
      },
    ],
    usage: completion.usage,
  });
}
