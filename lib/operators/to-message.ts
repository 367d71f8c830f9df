import { map, reduce, type OperatorFunction } from 'rxjs';
import type { AssistantMessage } from '../messages/chat-message.js';

/**
 * Joins the text chunks of a completion into one {@link AssistantMessage}, emitted when
 * the source completes.
 *
 * ```
 * source:      --'Hel'--'lo'--|
 * toMessage(): ---------------(m|)   m = { role: 'assistant', content: 'Hello' }
 * ```
 *
 * This is what a chat appends to its history. The message is emitted only on completion: if
 * the source errors, the error passes through and nothing partial is passed off as a message
 * (use {@link accumulateText} to show text as it arrives). A source that completes without a
 * chunk gives a message with empty `content`. Built on RxJS `reduce`.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { toMessage } from 'rx-completions';
 *
 * of('Hel', 'lo').pipe(toMessage()).subscribe((message) => console.log(message));
 * // { role: 'assistant', content: 'Hello' }
 * ```
 *
 * @see {@link accumulateText} for the running text.
 * @see {@link continueConversation} to append the message to a conversation.
 * @returns an operator from text chunks to one message.
 */
export function toMessage(): OperatorFunction<string, AssistantMessage> {
  return (source) =>
    source.pipe(
      reduce((content, chunk) => content + chunk, ''),
      map((content): AssistantMessage => ({ role: 'assistant', content })),
    );
}
