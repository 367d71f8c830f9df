import type { ChatMessage } from '../../messages/chat-message.js';
import type { ContentPart } from '../../messages/content-part.js';

/** A content part as the Chat Completions API takes it. */
type WirePart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image_url'; readonly image_url: { readonly url: string } };

function wirePart(part: ContentPart): WirePart {
  return part.type === 'text'
    ? { type: 'text', text: part.text }
    : { type: 'image_url', image_url: { url: part.url } };
}

/**
 * A message as the Chat Completions API takes it: image parts become `image_url` parts, an
 * assistant's `toolCalls` become `tool_calls` (`type: 'function'`; its content is `null` when
 * it only called tools), a tool result's `toolCallId` becomes `tool_call_id`.
 *
 * @param message - a message of the conversation.
 * @returns its JSON form.
 * @example
 * ```ts
 * openAIWireMessage({ role: 'tool', toolCallId: 'call_1', content: '4' });
 * // { role: 'tool', tool_call_id: 'call_1', content: '4' }
 * ```
 */
export function openAIWireMessage(message: ChatMessage): Record<string, unknown> {
  switch (message.role) {
    case 'system':
    case 'user': {
      const { content } = message;
      return {
        role: message.role,
        content: typeof content === 'string' ? content : content.map(wirePart),
      };
    }
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      if (calls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}
