import { defer, map, type Observable } from 'rxjs';
import type { ChatMessage, Messages } from '../messages/chat-message.js';
import { toMessage } from '../operators/to-message.js';
import type { CompletionFactory } from './completion-factory.js';

/**
 * One turn of a chat: the user's message appended to `history`, completed, and the reply
 * appended — emitted once, as the new history, when the completion completes.
 *
 * ```
 * complete([...history, user]): --'Hel'--'lo'--|
 * continueConversation(...):    --------------(h|)   h = [...history, user, { role: 'assistant', content: 'Hello' }]
 * ```
 *
 * Cold and lazy: `complete` is called on subscribe, once per subscription, and unsubscribing
 * cancels the completion. If the completion errors, the error passes through and no history
 * is emitted (the reply is never partial). `history` is not modified: the result is a new
 * array. `next` is the user's text, or a whole message (any role).
 *
 * For a multi-turn chat, thread the history through RxJS `mergeScan` (an asynchronous `scan`)
 * over the user's inputs, one turn at a time — or use {@link converse}, which does just that.
 * Recovering inside `mergeScan` keeps a chat alive after a failed turn.
 *
 * @example
 * ```ts
 * import { catchError, mergeScan, of, Subject } from 'rxjs';
 * import { continueConversation, OpenAICompatible, type Messages } from 'rx-completions';
 *
 * const llm = new OpenAICompatible({ baseURL: 'http://localhost:11434/v1' });
 * const complete = (messages: Messages) => llm.createCompletion('llama3', messages, true);
 * const start: Messages = [{ role: 'system', content: 'Be brief.' }];
 * const input$ = new Subject<string>();
 *
 * input$
 *   .pipe(
 *     mergeScan(
 *       (history: Messages, text) =>
 *         continueConversation(history, text, complete).pipe(catchError(() => of(history))),
 *       start,
 *       1, // one turn at a time
 *     ),
 *   )
 *   .subscribe((history) => console.log(history.at(-1)?.content));
 * input$.next('Hello!');
 * ```
 *
 * @see {@link converse} for the whole chat as one operator.
 * @see {@link toMessage}, which builds the reply.
 * @param history - the conversation so far (not modified).
 * @param next - the user's next message: its text, or a message.
 * @param complete - starts a completion of the conversation.
 * @returns an Observable of the new history, emitted once.
 */
export function continueConversation(
  history: Messages,
  next: string | ChatMessage,
  complete: CompletionFactory,
): Observable<Messages> {
  return defer(() => {
    const message: ChatMessage = typeof next === 'string' ? { role: 'user', content: next } : next;
    const asked: Messages = [...history, message];
    return defer(() => complete(asked)).pipe(
      toMessage(),
      map((reply): Messages => [...asked, reply]),
    );
  });
}
