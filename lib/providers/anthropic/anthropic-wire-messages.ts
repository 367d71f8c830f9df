import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { AssistantMessage, ChatMessage, Messages } from '../../messages/chat-message.js';
import { anthropicContentBlocks, type AnthropicContentBlock } from './anthropic-content-block.js';

/** A request message as the Messages API takes it. */
export interface AnthropicWireMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string | readonly AnthropicContentBlock[];
}

/** The Messages API request's conversation: the top-level `system` and the `messages`. */
export interface AnthropicConversation {
  /** The system prompt: text, or text blocks when several system messages were given. */
  readonly system: string | readonly AnthropicContentBlock[] | undefined;
  /** The user and assistant turns, alternating. */
  readonly messages: readonly AnthropicWireMessage[];
}

function toolInput(text: string, provider: string, field: string): unknown {
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidRequestError({ provider, field, reason: 'must be JSON text (RFC 8259)' });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidRequestError({ provider, field, reason: 'must be a JSON object' });
  }
  return input;
}

function assistantContent(
  message: AssistantMessage,
  provider: string,
  at: number,
): AnthropicWireMessage['content'] {
  const calls = message.toolCalls ?? [];
  if (calls.length === 0) return message.content;
  return [
    ...(message.content === '' ? [] : [{ type: 'text', text: message.content }]),
    ...calls.map((call, index) => ({
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: toolInput(call.arguments, provider, `messages[${at}].toolCalls[${index}].arguments`),
    })),
  ];
}

function systemBlocks(message: ChatMessage, provider: string, at: number): AnthropicContentBlock[] {
  const { content } = message;
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  const field = `messages[${at}].content`;
  if (content.some((part) => part.type !== 'text')) {
    const reason = 'must be text: the Messages API takes no image in the system prompt';
    throw new InvalidRequestError({ provider, field, reason });
  }
  return anthropicContentBlocks(content, provider, field);
}

function wireMessage(message: ChatMessage, provider: string, at: number): AnthropicWireMessage {
  switch (message.role) {
    case 'system':
    case 'user': {
      const { content } = message;
      const field = `messages[${at}].content`;
      return {
        role: 'user',
        content:
          typeof content === 'string' ? content : anthropicContentBlocks(content, provider, field),
      };
    }
    case 'assistant':
      return { role: 'assistant', content: assistantContent(message, provider, at) };
    case 'tool':
      return {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: message.toolCallId, content: message.content },
        ],
      };
  }
}

const asBlocks = (content: AnthropicWireMessage['content']): readonly AnthropicContentBlock[] =>
  typeof content === 'string' ? [{ type: 'text', text: content }] : content;

/** Joins consecutive messages of one role into one, their contents as blocks, in order. */
function alternating(messages: readonly AnthropicWireMessage[]): AnthropicWireMessage[] {
  const merged: AnthropicWireMessage[] = [];
  for (const message of messages) {
    const last = merged[merged.length - 1];
    if (last?.role === message.role) {
      const content = [...asBlocks(last.content), ...asBlocks(message.content)];
      merged[merged.length - 1] = { role: last.role, content };
    } else {
      merged.push(message);
    }
  }
  return merged;
}

/**
 * Maps a conversation to the Messages API's shape:
 *
 * - `systemMessage` and every `system` message (wherever it stands) become the top-level
 *   `system`, in order: a string when there is one, text blocks when there are several;
 * - user text stays a string, parts become `text` and `image` blocks;
 * - an assistant's `toolCalls` become `tool_use` blocks after its text (`input` is the
 *   parsed arguments; `''` is `{}`);
 * - a `tool` message becomes a `user` message of one `tool_result` block;
 * - consecutive messages of one role (the results of parallel tool calls, a user message
 *   after them) are merged into one message of blocks, since the API wants the roles to
 *   alternate.
 *
 * @param messages - the conversation.
 * @param systemMessage - the `systemMessage` option.
 * @param provider - the provider's name, for errors.
 * @returns the `system` and `messages` fields.
 * @throws InvalidRequestError for tool-call arguments that are not a JSON object, an image in
 *   a system message or of a form the API cannot take, or no user or assistant message.
 * @example
 * ```ts
 * anthropicConversation([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], undefined, 'Anthropic');
 * // { system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] }
 * ```
 */
export function anthropicConversation(
  messages: Messages,
  systemMessage: string | undefined,
  provider: string,
): AnthropicConversation {
  const system: AnthropicContentBlock[] =
    systemMessage === undefined ? [] : [{ type: 'text', text: systemMessage }];
  const turns: AnthropicWireMessage[] = [];
  messages.forEach((message, at) => {
    if (message.role === 'system') system.push(...systemBlocks(message, provider, at));
    else turns.push(wireMessage(message, provider, at));
  });
  if (turns.length === 0) {
    const reason = 'must hold a user or assistant message (system messages go to `system`)';
    throw new InvalidRequestError({ provider, field: 'messages', reason });
  }
  const [only] = system;
  return {
    system: system.length === 0 ? undefined : system.length === 1 ? String(only?.text) : system,
    messages: alternating(turns),
  };
}
