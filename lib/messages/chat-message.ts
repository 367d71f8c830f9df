/**
 * Every role a message may have, as a list to check input against.
 *
 * @example
 * ```ts
 * CHAT_ROLES.includes('user'); // true
 * ```
 */
export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;

/** Who wrote a message of the conversation. */
export type ChatRole = (typeof CHAT_ROLES)[number];

/**
 * Whether `value` is one of the {@link CHAT_ROLES}, for input from JavaScript callers.
 *
 * @param value - anything.
 * @returns true for `'system'`, `'user'` and `'assistant'`.
 * @example
 * ```ts
 * isChatRole('assistant'); // true
 * isChatRole('wizard'); // false
 * ```
 */
export function isChatRole(value: unknown): value is ChatRole {
  return (CHAT_ROLES as readonly unknown[]).includes(value);
}

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
