import { mergeScan, type OperatorFunction } from 'rxjs';
import type { ChatMessage, Messages } from '../messages/chat-message.js';
import type { CompletionFactory } from './completion-factory.js';
import { continueConversation } from './continue-conversation.js';

/**
 * Turns a stream of user messages into a chat: each message is appended to the history, sent
 * with it to `complete`, and the reply appended; the new history is emitted after every turn.
 *
 * ```
 * source:    --'Hi'----------------'Bye'--------------|
 * complete:     --'Hel'--'lo'--|      --'Ciao'--|
 * converse:  -------------------h1-----------------h2|
 *            h1 = [...history, user 'Hi', assistant 'Hello'], h2 = [...h1, user 'Bye', assistant 'Ciao']
 * ```
 *
 * Turns run one at a time, in order: a message sent while a reply is streaming waits for it
 * (as RxJS `concatMap`), so every completion sees the whole conversation before it. The
 * operator completes when the source has completed and the last turn is done. Each
 * subscription starts from `history` again. A failed turn errors the whole stream, as in any
 * RxJS pipeline; to keep chatting after a failure, build the loop from
 * {@link continueConversation} and `mergeScan` and recover per turn. Unsubscribing cancels the
 * completion in flight. Built on RxJS `mergeScan` with a concurrency of 1.
 *
 * @example
 * ```ts
 * import { Subject } from 'rxjs';
 * import { converse, retryCompletion, Aivvm, type Messages } from 'rx-completions';
 *
 * const input$ = new Subject<string>();
 * input$
 *   .pipe(
 *     converse((messages: Messages) =>
 *       Aivvm.createCompletion('gpt-4', messages, true).pipe(retryCompletion()),
 *     ),
 *   )
 *   .subscribe((history) => console.log(history.at(-1)?.content));
 * input$.next('Hello!');
 * input$.next('And in French?');
 * ```
 *
 * @see {@link continueConversation} for one turn.
 * @param complete - starts a completion of the conversation.
 * @param history - the conversation to start from (a system message, earlier turns); `[]` by default.
 * @returns an operator from the user's messages (text, or whole messages) to histories.
 */
export function converse(
  complete: CompletionFactory,
  history: Messages = [],
): OperatorFunction<string | ChatMessage, Messages> {
  return mergeScan(
    (conversation: Messages, next: string | ChatMessage) =>
      continueConversation(conversation, next, complete),
    history,
    1,
  );
}
