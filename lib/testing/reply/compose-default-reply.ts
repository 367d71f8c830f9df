import { AIVVM_MODELS, isAivvmModel } from '../../providers/aivvm/aivvm-models.js';

const QUOTE_LIMIT = 160;
const TITLE_LIMIT = 48;
const PROMPT_LIMIT = 60;

/** One message as the composer reads it (whatever the role), its content as text. */
export interface DefaultReplyMessage {
  /** Who wrote it (`system`, `user`, `assistant`, ...). */
  readonly role: string;
  /** What it says. */
  readonly content: string;
}

/**
 * What the default reply describes: an OpenAI-style request, whatever protocol carried it.
 *
 * @example
 * ```ts
 * const request: DefaultReplyRequest = {
 *   model: 'gpt-4',
 *   messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello' }],
 *   temperature: 0.7,
 * };
 * ```
 */
export interface DefaultReplyRequest {
  /** The model id. */
  readonly model: string;
  /** The conversation, oldest first; a leading system message is the system prompt. */
  readonly messages: readonly DefaultReplyMessage[];
  /** The sampling temperature; `undefined` shows as `default`. */
  readonly temperature?: number | undefined;
}

/** Collapses whitespace and cuts to `limit` characters (code points, never half a pair). */
function shorten(text: string, limit: number): string {
  const characters = Array.from(text.replace(/\s+/gu, ' ').trim());
  return characters.length <= limit
    ? characters.join('')
    : `${characters.slice(0, limit).join('')}…`;
}

/** `GPT-4 (`gpt-4`)` for an Aivvm model id, the bare id in backticks otherwise. */
const modelLabel = (id: string): string =>
  isAivvmModel(id) ? `${AIVVM_MODELS[id].name} (\`${id}\`)` : `\`${id}\``;

/**
 * Composes the loopback server's default reply: a markdown answer about the last user
 * message — a heading, a paragraph quoting the question, and a bullet list of what was asked
 * for (model, temperature, conversation, system prompt).
 *
 * Deterministic: the same request always gives the same text. Long questions are quoted up to
 * 160 characters; a conversation without a user message gets a greeting instead. A leading
 * system message is the system prompt (`none` when empty or absent) and is not counted in the
 * conversation, so an Aivvm body (`prompt` + `messages`) and the OpenAI request chatbot-ui
 * makes of it (in its `pages/api/chat.ts`) give the same reply. Aivvm model ids show their display name.
 *
 * @param request - the model, the conversation and the temperature.
 * @returns the reply, in markdown, ending with a line break.
 * @example
 * ```ts
 * composeDefaultReply({
 *   model: 'gpt-4',
 *   messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello' }],
 *   temperature: 0.7,
 * }); // '## About "Hello"\n\nYou asked: "Hello". ...'
 * ```
 */
export function composeDefaultReply(request: DefaultReplyRequest): string {
  const { model, messages, temperature } = request;
  const [first] = messages;
  const prompt = first?.role === 'system' ? first.content : '';
  const conversation = first?.role === 'system' ? messages.slice(1) : messages;
  const fromUser = conversation.filter((message) => message.role === 'user');
  const question = fromUser[fromUser.length - 1]?.content ?? '';
  const heading =
    question.trim() === '' ? '## Hello' : `## About "${shorten(question, TITLE_LIMIT)}"`;
  const opening =
    question.trim() === ''
      ? 'There is no user message to answer yet, so here is what this server can do.'
      : `You asked: "${shorten(question, QUOTE_LIMIT)}". This is a canned answer from the` +
        ' rx-completions loopback server, streamed word by word the way chat.aivvm.com streamed' +
        ' its replies.';
  const count = conversation.length;
  return [
    heading,
    '',
    opening,
    '',
    `- **Model:** ${modelLabel(model)}`,
    `- **Temperature:** ${temperature ?? 'default'}`,
    `- **Conversation:** ${count} message${count === 1 ? '' : 's'}, ${fromUser.length} from you`,
    `- **System prompt:** ${prompt === '' ? 'none' : `"${shorten(prompt, PROMPT_LIMIT)}"`}`,
    '',
    'Unsubscribe at any time to cancel the stream.',
    '',
  ].join('\n');
}
