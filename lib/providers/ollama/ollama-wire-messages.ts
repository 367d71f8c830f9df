import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { ChatMessage, Messages } from '../../messages/chat-message.js';
import type { ToolCall } from '../../messages/tool-call.js';
import { ollamaImage } from './ollama-image.js';

/** A message as Ollama's `/api/chat` takes it. */
export interface OllamaWireMessage {
  readonly role: string;
  readonly content: string;
  readonly images?: readonly string[];
  readonly tool_calls?: readonly {
    readonly function: { readonly name: string; readonly arguments: unknown };
  }[];
  readonly tool_name?: string;
}

/** A tool call's arguments as the JSON object Ollama takes (its own text is JSON). */
function callArguments(call: ToolCall, field: string, provider: string): unknown {
  let parsed: unknown;
  try {
    parsed = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch {
    throw new InvalidRequestError({ provider, field, reason: 'must be JSON text (RFC 8259)' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidRequestError({
      provider,
      field,
      reason: 'must be a JSON object: Ollama takes the arguments as an object',
    });
  }
  return parsed;
}

function textAndImages(
  message: Extract<ChatMessage, { role: 'system' | 'user' }>,
  field: string,
  provider: string,
): OllamaWireMessage {
  const { role, content } = message;
  if (typeof content === 'string') return { role, content };
  const images: string[] = [];
  let text = '';
  content.forEach((part, index) => {
    if (part.type === 'text') text += part.text;
    else images.push(ollamaImage(part.url, `${field}.content[${String(index)}].url`, provider));
  });
  return images.length === 0 ? { role, content: text } : { role, content: text, images };
}

/**
 * The conversation as Ollama's `/api/chat` takes it: text parts joined into `content`, image
 * parts as base64 `images` (`data:` URLs only), an assistant's `toolCalls` as `tool_calls` with
 * their arguments as JSON objects, a tool result as `{ role: 'tool', content, tool_name }` — the
 * name being that of the earlier call with the same id (Ollama matches results by name).
 *
 * @param messages - the conversation, a system message first when one is given.
 * @param provider - the provider's name, for errors.
 * @returns the wire messages.
 * @throws InvalidRequestError naming the field: an image that is not a `data:` URL, arguments
 *   that are not a JSON object, a tool result whose `toolCallId` no earlier call has.
 * @example
 * ```ts
 * ollamaWireMessages([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], 'Ollama');
 * // [{ role: 'user', content: 'Hi' }]
 * ```
 */
export function ollamaWireMessages(messages: Messages, provider: string): OllamaWireMessage[] {
  const toolNames = new Map<string, string>();
  return messages.map((message, index): OllamaWireMessage => {
    const field = `messages[${String(index)}]`;
    switch (message.role) {
      case 'system':
      case 'user':
        return textAndImages(message, field, provider);
      case 'assistant': {
        const calls = message.toolCalls ?? [];
        if (calls.length === 0) return { role: 'assistant', content: message.content };
        for (const call of calls) toolNames.set(call.id, call.name);
        return {
          role: 'assistant',
          content: message.content,
          tool_calls: calls.map((call, at) => ({
            function: {
              name: call.name,
              arguments: callArguments(
                call,
                `${field}.toolCalls[${String(at)}].arguments`,
                provider,
              ),
            },
          })),
        };
      }
      case 'tool': {
        const name = toolNames.get(message.toolCallId);
        if (name === undefined) {
          throw new InvalidRequestError({
            provider,
            field: `${field}.toolCallId`,
            reason:
              'names no tool call of an earlier assistant message: Ollama needs the tool name of the call it answers',
          });
        }
        return { role: 'tool', content: message.content, tool_name: name };
      }
    }
  });
}
