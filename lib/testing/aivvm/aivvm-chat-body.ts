/** A message as chatbot-ui carries it: a role and plain text. */
export interface AivvmChatMessage {
  /** Who wrote it. */
  readonly role: 'system' | 'user' | 'assistant';
  /** What it says. */
  readonly content: string;
}

/**
 * The body of `POST /api/chat`: chatbot-ui's `ChatBody`, as the Aivvm provider sends it
 * (chatbot-ui's `pages/api/chat.ts` reads it).
 *
 * @example
 * ```ts
 * const body: AivvmChatBody = {
 *   model: { id: 'gpt-4', name: 'GPT-4' },
 *   messages: [{ role: 'user', content: 'Hello' }],
 *   key: '',
 *   prompt: 'You are a translator',
 *   temperature: 0.9,
 * };
 * ```
 */
export interface AivvmChatBody {
  /** The model, `{ id, name }` from the model table. */
  readonly model: { readonly id: string; readonly name: string };
  /** The conversation, oldest first (chatbot-ui puts the system prompt in `prompt`). */
  readonly messages: readonly AivvmChatMessage[];
  /** The OpenAI key chatbot-ui forwards; the Aivvm provider always sends `""`. */
  readonly key: string;
  /** The system prompt. */
  readonly prompt: string;
  /** The sampling temperature, 0 to 2. */
  readonly temperature: number;
}

/** The outcome of {@link parseAivvmChatBody}: the body, or why it was refused. */
export type AivvmChatBodyResult =
  | { readonly ok: true; readonly body: AivvmChatBody }
  | { readonly ok: false; readonly reason: string };

const ROLES: ReadonlySet<string> = new Set(['system', 'user', 'assistant']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function messageProblem(message: unknown, index: number): string | undefined {
  if (!isRecord(message)) return `messages[${index}] must be an object`;
  if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
    return `messages[${index}].role must be "system", "user" or "assistant"`;
  }
  if (typeof message.content !== 'string') return `messages[${index}].content must be a string`;
  return undefined;
}

function shapeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'the body must be a JSON object';
  const { model, messages, key, prompt, temperature } = value;
  if (!isRecord(model) || typeof model.id !== 'string' || typeof model.name !== 'string') {
    return 'model must be an object with string id and name';
  }
  if (model.id === '') return 'model.id must not be empty';
  if (!Array.isArray(messages)) return 'messages must be an array';
  const problem = messages.map(messageProblem).find((found) => found !== undefined);
  if (problem !== undefined) return problem;
  if (typeof key !== 'string') return 'key must be a string';
  if (typeof prompt !== 'string') return 'prompt must be a string';
  if (typeof temperature !== 'number' || !(temperature >= 0 && temperature <= 2)) {
    return 'temperature must be a number from 0 to 2';
  }
  return undefined;
}

/**
 * Parses and checks the raw body of `POST /api/chat`.
 *
 * Refuses bytes that are not UTF-8 JSON, and JSON whose shape is not `ChatBody`: `model`
 * without string `id` (non-empty) and `name`, `messages` not an array of `{ role, content }`
 * with a known role, `key` or `prompt` not a string, `temperature` not a number from 0 to 2.
 * Unknown keys are ignored; an empty `messages` array is accepted.
 *
 * @param bytes - the raw request body.
 * @returns the typed body, or a one-line reason fit for a status text.
 * @example
 * ```ts
 * const result = parseAivvmChatBody(new TextEncoder().encode('{"model":1}'));
 * if (!result.ok) result.reason; // 'model must be an object with string id and name'
 * ```
 */
export function parseAivvmChatBody(bytes: Uint8Array): AivvmChatBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Invalid JSON body: ${detail}` };
  }
  const problem = shapeProblem(value);
  return problem === undefined
    ? { ok: true, body: value as AivvmChatBody }
    : { ok: false, reason: `Invalid chat body: ${problem}` };
}
