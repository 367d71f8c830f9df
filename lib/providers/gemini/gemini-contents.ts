import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { AssistantMessage, Messages, SystemMessage } from '../../messages/chat-message.js';
import type { ContentPart } from '../../messages/content-part.js';
import { geminiImagePart } from './gemini-image-part.js';

/** One `Content` of a Gemini request: a role and its parts. */
export interface GeminiContent {
  /** `user` or `model`. */
  readonly role: 'user' | 'model';
  /** Text, images, function calls and function responses. */
  readonly parts: readonly Record<string, unknown>[];
}

/** A conversation as Gemini takes it. */
export interface GeminiConversation {
  /** The system messages' text, when there is any. */
  readonly systemInstruction: { readonly parts: readonly { readonly text: string }[] } | undefined;
  /** The other messages, in order. */
  readonly contents: readonly GeminiContent[];
}

function userParts(
  content: string | readonly ContentPart[],
  provider: string,
  field: string,
): Record<string, unknown>[] {
  if (typeof content === 'string') return [{ text: content }];
  return content.map((part, index) =>
    part.type === 'text'
      ? { text: part.text }
      : geminiImagePart(part.url, provider, `${field}[${String(index)}].url`),
  );
}

function callArgs(argumentsText: string, provider: string, field: string): unknown {
  if (argumentsText.trim() === '') return {};
  let args: unknown;
  try {
    args = JSON.parse(argumentsText);
  } catch {
    args = undefined;
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new InvalidRequestError({
      provider,
      field,
      reason: 'must be the JSON text of an object',
    });
  }
  return args;
}

function modelParts(
  message: AssistantMessage,
  provider: string,
  field: string,
): Record<string, unknown>[] {
  const calls = (message.toolCalls ?? []).map((call, index) => ({
    functionCall: {
      id: call.id,
      name: call.name,
      args: callArgs(call.arguments, provider, `${field}.toolCalls[${String(index)}].arguments`),
    },
    // Thinking models want the signature of each call back, beside it.
    ...(call.signature === undefined ? {} : { thoughtSignature: call.signature }),
  }));
  return [
    ...(message.content === '' && calls.length > 0 ? [] : [{ text: message.content }]),
    ...calls,
  ];
}

/** A tool's output as a function response: a JSON object as it is, other text as `output`. */
function functionResponse(content: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON: plain text output.
  }
  return { output: content };
}

function systemText(message: SystemMessage, provider: string, field: string): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part, index) => {
      if (part.type === 'text') return part.text;
      const reason = 'cannot be an image: Gemini system instructions are text';
      throw new InvalidRequestError({
        provider,
        field: `${field}.content[${String(index)}]`,
        reason,
      });
    })
    .join('');
}

/**
 * Maps a conversation to Gemini's `contents` and `systemInstruction`:
 *
 * - system messages (wherever they are, after `systemMessage`) become `systemInstruction`
 *   text parts;
 * - a user message becomes a `user` content (`text` parts; images as `inlineData` or
 *   `fileData`, see `geminiImagePart`);
 * - an assistant message becomes a `model` content with its text and a `functionCall` part per
 *   tool call (`id`, `name`, `args` parsed from the arguments' JSON);
 * - a tool result becomes a `functionResponse` part (`id`, the `name` of the call it answers,
 *   `response`: its JSON object, or `{ output: text }`) of a `user` content; consecutive
 *   results share one content, as Gemini expects a turn's responses together.
 *
 * @param messages - the conversation.
 * @param systemMessage - the `systemMessage` option.
 * @param provider - the provider's name, for errors.
 * @returns the system instruction and the contents.
 * @throws InvalidRequestError for a tool result whose `toolCallId` no earlier assistant tool
 *   call has, arguments that are not a JSON object, an image in a system message, an image URL
 *   Gemini cannot take.
 * @example
 * ```ts
 * geminiConversation([{ role: 'user', content: 'Hi' }], 'Be brief.', 'Gemini');
 * // { systemInstruction: { parts: [{ text: 'Be brief.' }] }, contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] }
 * ```
 */
export function geminiConversation(
  messages: Messages,
  systemMessage: string | undefined,
  provider: string,
): GeminiConversation {
  const system: { text: string }[] = systemMessage === undefined ? [] : [{ text: systemMessage }];
  const contents: GeminiContent[] = [];
  const callNames = new Map<string, string>();
  messages.forEach((message, index) => {
    const field = `messages[${String(index)}]`;
    switch (message.role) {
      case 'system':
        system.push({ text: systemText(message, provider, field) });
        return;
      case 'user':
        contents.push({
          role: 'user',
          parts: userParts(message.content, provider, `${field}.content`),
        });
        return;
      case 'assistant':
        for (const call of message.toolCalls ?? []) callNames.set(call.id, call.name);
        contents.push({ role: 'model', parts: modelParts(message, provider, field) });
        return;
      case 'tool': {
        const name = callNames.get(message.toolCallId);
        if (name === undefined) {
          const reason = 'answers no tool call of an earlier assistant message';
          throw new InvalidRequestError({ provider, field: `${field}.toolCallId`, reason });
        }
        const part = {
          functionResponse: {
            id: message.toolCallId,
            name,
            response: functionResponse(message.content),
          },
        };
        const last = contents.at(-1);
        if (last?.role === 'user' && last.parts.every((p) => 'functionResponse' in p)) {
          contents[contents.length - 1] = { role: 'user', parts: [...last.parts, part] };
        } else contents.push({ role: 'user', parts: [part] });
      }
    }
  });
  return { systemInstruction: system.length === 0 ? undefined : { parts: system }, contents };
}
