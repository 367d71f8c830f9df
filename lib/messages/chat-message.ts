import type { ContentPart } from './content-part.js';
import type { ToolCall } from './tool-call.js';

/**
 * Every role a message may have, as a list to check input against.
 *
 * @example
 * ```ts
 * CHAT_ROLES.includes('user'); // true
 * ```
 */
export const CHAT_ROLES = ['system', 'user', 'assistant', 'tool'] as const;

/** Who wrote a message of the conversation. */
export type ChatRole = (typeof CHAT_ROLES)[number];

/**
 * Whether `value` is one of the {@link CHAT_ROLES}, for input from JavaScript callers.
 *
 * @param value - anything.
 * @returns true for `'system'`, `'user'`, `'assistant'` and `'tool'`.
 * @example
 * ```ts
 * isChatRole('assistant'); // true
 * isChatRole('wizard'); // false
 * ```
 */
export function isChatRole(value: unknown): value is ChatRole {
  return (CHAT_ROLES as readonly unknown[]).includes(value);
}

/** Instructions for the model: text, or text and image parts. */
export interface SystemMessage {
  readonly role: 'system';
  /** What it says. */
  readonly content: string | readonly ContentPart[];
}

/** What the user says: text, or text and image parts. */
export interface UserMessage {
  readonly role: 'user';
  /** What it says. */
  readonly content: string | readonly ContentPart[];
}

/** A reply of the model: its text, and the tools it asked to call, if any. */
export interface AssistantMessage {
  readonly role: 'assistant';
  /** What it said (`''` when it only called tools). */
  readonly content: string;
  /** The tool calls it made, answered by the `tool` messages that follow. */
  readonly toolCalls?: readonly ToolCall[];
}

/** The result of one tool call, sent back to the model. */
export interface ToolMessage {
  readonly role: 'tool';
  /** The `id` of the call it answers. */
  readonly toolCallId: string;
  /** The result, as text (JSON for structured results). */
  readonly content: string;
}

/**
 * One message of a conversation.
 *
 * @example
 * ```ts
 * const history: ChatMessage[] = [
 *   { role: 'system', content: 'Be brief.' },
 *   { role: 'user', content: 'Weather in Oslo?' },
 *   {
 *     role: 'assistant',
 *     content: '',
 *     toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }],
 *   },
 *   { role: 'tool', toolCallId: 'call_1', content: '{"celsius":4}' },
 * ];
 * ```
 */
export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A conversation: the history a completion continues, oldest first. */
export type Messages = readonly ChatMessage[];
