/** Who wrote a message of the conversation. */
export type ChatRole = 'system' | 'user' | 'assistant';

/**
 * One message of a conversation, as OpenAI-compatible servers and chatbot-ui take it.
 *
 * @example
 * ```ts
 * const message: ChatMessage = { role: 'user', content: 'Hello' };
 * ```
 */
export interface ChatMessage {
  /** Who wrote it. */
  readonly role: ChatRole;
  /** What it says. */
  readonly content: string;
}

/** A conversation: the history a completion continues, oldest first. */
export type Messages = readonly ChatMessage[];
