import type { AivvmChatBody } from '../aivvm/aivvm-chat-body.js';

/**
 * The OpenAI request chatbot-ui made of a `ChatBody`.
 *
 * @example
 * ```ts
 * const request: ChatCompletionsRequest = { model: 'gpt-4', messages: [{ role: 'system', content: '' }], temperature: 0.7, stream: true };
 * ```
 */
export interface ChatCompletionsRequest {
  /** `model.id` of the body. */
  readonly model: string;
  /** The system prompt first, then the conversation. */
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  /** The body's temperature. */
  readonly temperature: number;
  /** Always `true`: chatbot-ui always streamed. */
  readonly stream: true;
}

/**
 * Turns an Aivvm body into the OpenAI request chatbot-ui forwarded: the system
 * prompt `prompt` as the first message (even when empty), then `messages` (`role` and
 * `content` only), `model.id`, `temperature` and `stream: true`.
 *
 * chatbot-ui also trimmed old messages to the model's token limit and sent `max_tokens: 1000`;
 * the loopback server does neither, so the upstream sees the whole conversation.
 *
 * @param body - the validated Aivvm body.
 * @returns the request body to post to `/v1/chat/completions`.
 * @example
 * ```ts
 * toChatCompletionsRequest(body).messages[0]; // { role: 'system', content: body.prompt }
 * ```
 */
export function toChatCompletionsRequest(body: AivvmChatBody): ChatCompletionsRequest {
  return {
    model: body.model.id,
    messages: [
      { role: 'system', content: body.prompt },
      ...body.messages.map(({ role, content }) => ({ role, content })),
    ],
    temperature: body.temperature,
    stream: true,
  };
}
