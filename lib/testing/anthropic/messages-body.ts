import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';

/** A tool the request offers, as the loopback route needs it. */
export interface OfferedTool {
  /** Its name. */
  readonly name: string;
  /** Its `input_schema`. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/**
 * A `POST /v1/messages` body, checked and normalised: what the loopback server's Anthropic
 * route acts on. Contents are text (text blocks and tool results joined; images left out);
 * a `system` prompt comes first as a `system` message.
 *
 * @example
 * ```ts
 * const body: MessagesBody = {
 *   model: 'claude-sonnet-4-5', maxTokens: 1024, stream: true, temperature: undefined,
 *   messages: [{ role: 'user', content: 'Hi' }], stopSequences: [], tools: [], answersTools: false,
 * };
 * ```
 */
export interface MessagesBody {
  /** The model id. */
  readonly model: string;
  /** `max_tokens`. */
  readonly maxTokens: number;
  /** `stream`. @defaultValue false */
  readonly stream: boolean;
  /** `temperature`, 0 to 1. */
  readonly temperature: number | undefined;
  /** The system prompt (as a first `system` message) and the turns, as text. */
  readonly messages: readonly DefaultReplyMessage[];
  /** `stop_sequences`. */
  readonly stopSequences: readonly string[];
  /** `tools`. */
  readonly tools: readonly OfferedTool[];
  /** Whether a `tool_result` block answers a call already. */
  readonly answersTools: boolean;
}

/** The outcome of {@link parseMessagesBody}: the body, or the 400 message to answer. */
export type MessagesBodyResult =
  | { readonly ok: true; readonly body: MessagesBody }
  | { readonly ok: false; readonly message: string };

type Fields = Readonly<Record<string, unknown>>;

class Refusal extends Error {}

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(message: string): never {
  throw new Refusal(message);
}

function blockText(block: unknown, at: string): string {
  if (!isFields(block) || typeof block.type !== 'string') refuse(`${at}.type: Field required`);
  if (block.type === 'text') {
    if (typeof block.text !== 'string') refuse(`${at}.text: Input should be a valid string`);
    return block.text;
  }
  if (block.type === 'tool_result') {
    const { content } = block;
    if (typeof content === 'string') return content;
    return Array.isArray(content)
      ? content.map((inner, i) => blockText(inner, `${at}.content.${i}`)).join('')
      : '';
  }
  return ''; // image, tool_use, thinking...
}

function contentText(content: unknown, at: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) refuse(`${at}: Input should be a valid string or list`);
  return content.map((block, index) => blockText(block, `${at}.${index}`)).join('');
}

function turns(value: unknown): { messages: DefaultReplyMessage[]; answersTools: boolean } {
  if (!Array.isArray(value) || value.length === 0)
    refuse('messages: at least one message is required');
  let answersTools = false;
  const messages = value.map((message: unknown, index) => {
    if (!isFields(message)) refuse(`messages.${index}: Input should be a valid dictionary`);
    const { role, content } = message;
    if (role !== 'user' && role !== 'assistant') {
      refuse(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    }
    if (Array.isArray(content) && content.some((b) => isFields(b) && b.type === 'tool_result')) {
      answersTools = true;
    }
    return { role, content: contentText(content, `messages.${index}.content`) };
  });
  return { messages, answersTools };
}

function toolsOf(value: unknown): OfferedTool[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse('tools: Input should be a valid list');
  return value.map((tool: unknown, index) => {
    if (!isFields(tool) || typeof tool.name !== 'string')
      refuse(`tools.${index}.name: Field required`);
    if (!isFields(tool.input_schema)) refuse(`tools.${index}.input_schema: Field required`);
    return { name: tool.name, inputSchema: tool.input_schema };
  });
}

function check(fields: Fields): MessagesBody {
  const { model, max_tokens: maxTokens, stream = false, temperature, system } = fields;
  if (typeof model !== 'string' || model === '') refuse('model: Field required');
  if (maxTokens === undefined) refuse('max_tokens: Field required');
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    refuse('max_tokens: Input should be an integer greater than or equal to 1');
  }
  if (typeof stream !== 'boolean') refuse('stream: Input should be a valid boolean');
  if (
    temperature !== undefined &&
    (typeof temperature !== 'number' || !(temperature >= 0 && temperature <= 1))
  ) {
    refuse('temperature: Input should be a number from 0 to 1');
  }
  const stops = fields.stop_sequences ?? [];
  if (!Array.isArray(stops) || !stops.every((stop) => typeof stop === 'string')) {
    refuse('stop_sequences: Input should be a valid list of strings');
  }
  const { messages, answersTools } = turns(fields.messages);
  const prompt =
    system === undefined ? [] : [{ role: 'system', content: contentText(system, 'system') }];
  return {
    model,
    maxTokens,
    stream,
    temperature: temperature,
    messages: [...prompt, ...messages],
    stopSequences: stops.filter((stop) => stop !== ''),
    tools: toolsOf(fields.tools),
    answersTools,
  };
}

/**
 * Parses and checks a `POST /v1/messages` body as the Messages API does, with its error
 * messages' style (`max_tokens: Field required`): `model`, `max_tokens` (an integer ≥ 1,
 * required), `messages` (roles `user` and `assistant`, string or block content), `system`,
 * `stream`, `temperature` (0 to 1), `stop_sequences`, `tools` (`name`, `input_schema`).
 *
 * @param body - the raw request body.
 * @returns the normalised body, or the message of the 400 to answer.
 * @example
 * ```ts
 * parseMessagesBody(new TextEncoder().encode('{"model":"claude"}')); // { ok: false, message: 'max_tokens: Field required' }
 * ```
 */
export function parseMessagesBody(body: Uint8Array): MessagesBodyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
  if (!isFields(parsed)) return { ok: false, message: 'The request body must be a JSON object.' };
  try {
    return { ok: true, body: check(parsed) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}
