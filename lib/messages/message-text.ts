import type { ChatMessage } from './chat-message.js';

/**
 * The text of a message: its content when that is a string, else its text parts joined
 * (image parts left out).
 *
 * @param message - any message.
 * @returns the text.
 * @example
 * ```ts
 * messageText({ role: 'user', content: [{ type: 'text', text: 'Hi' }] }); // 'Hi'
 * ```
 */
export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
