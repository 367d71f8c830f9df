import type { ObservableInput } from 'rxjs';
import type { Messages } from '../messages/chat-message.js';

/**
 * Starts a completion of `messages`: typically
 * `(messages) => provider.createCompletion(model, messages, true)`, with any operators
 * (`retryCompletion`, `timeoutCompletion`) piped on.
 *
 * @param messages - the conversation so far, ending with the user's message.
 * @returns the reply's text chunks (an Observable, or any `ObservableInput`).
 */
export type CompletionFactory = (messages: Messages) => ObservableInput<string>;
