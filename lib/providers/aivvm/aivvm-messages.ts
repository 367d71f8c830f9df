import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { Messages } from '../../messages/chat-message.js';
import type { CompletionOptions } from '../provider.js';

/** A message as chatbot-ui's `/api/chat` takes it: a role and plain text. */
export interface AivvmWireMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

const PLAIN_TEXT_ONLY = 'chatbot-ui carries plain text only';

function refuse(field: string, what: string): never {
  throw new InvalidRequestError({
    provider: 'Aivvm',
    field,
    reason: `${what}: ${PLAIN_TEXT_ONLY}`,
  });
}

/**
 * The conversation as chatbot-ui carries it: each message's role and text (text parts joined).
 * What it cannot carry is refused, never dropped: an image part, an assistant's tool calls, a
 * `tool` message, and the `tools`, `toolChoice` and `responseFormat` options.
 *
 * @param messages - the conversation, already checked for shape.
 * @param options - the completion options.
 * @returns the messages to send.
 * @throws InvalidRequestError naming the first field Aivvm cannot send.
 * @example
 * ```ts
 * aivvmMessages([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], {});
 * // [{ role: 'user', content: 'Hi' }]
 * ```
 */
export function aivvmMessages(messages: Messages, options: CompletionOptions): AivvmWireMessage[] {
  if (options.tools !== undefined) refuse('tools', 'tools cannot be offered');
  if (options.toolChoice !== undefined) refuse('toolChoice', 'tools cannot be offered');
  if (options.responseFormat !== undefined) refuse('responseFormat', 'no JSON mode');
  return messages.map((message, index): AivvmWireMessage => {
    const field = `messages[${index}]`;
    switch (message.role) {
      case 'tool':
        return refuse(`${field}.role`, 'a tool result cannot be sent');
      case 'assistant':
        if (message.toolCalls !== undefined && message.toolCalls.length > 0) {
          refuse(`${field}.toolCalls`, 'tool calls cannot be sent');
        }
        return { role: 'assistant', content: message.content };
      default: {
        const { content } = message;
        if (typeof content === 'string') return { role: message.role, content };
        const image = content.findIndex((part) => part.type === 'image');
        if (image >= 0) refuse(`${field}.content[${image}]`, 'an image cannot be sent');
        const text = content.map((part) => (part.type === 'text' ? part.text : '')).join('');
        return { role: message.role, content: text };
      }
    }
  });
}
