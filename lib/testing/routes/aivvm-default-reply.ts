import type { AivvmChatBody } from './aivvm-chat-body.js';

const QUOTE_LIMIT = 160;
const TITLE_LIMIT = 48;

/** Collapses whitespace and cuts to `limit` characters (code points, never half a pair). */
function shorten(text: string, limit: number): string {
  const characters = Array.from(text.replace(/\s+/gu, ' ').trim());
  return characters.length <= limit
    ? characters.join('')
    : `${characters.slice(0, limit).join('')}…`;
}

/**
 * Composes the loopback server's default Aivvm reply: a markdown answer about the last user
 * message — a heading, a paragraph quoting the question, and a bullet list of what was asked
 * for (model, temperature, conversation, system prompt).
 *
 * Deterministic: the same body always gives the same text. Long questions are quoted up to
 * 160 characters; a conversation without a user message gets a greeting instead.
 *
 * @param body - the validated request body.
 * @returns the reply, in markdown.
 * @example
 * ```ts
 * composeAivvmReply({
 *   model: { id: 'gpt-4', name: 'GPT-4' },
 *   messages: [{ role: 'user', content: 'Hello' }],
 *   key: '',
 *   prompt: 'Be brief.',
 *   temperature: 0.7,
 * }); // '## About "Hello"\n\nYou asked: "Hello". ...'
 * ```
 */
export function composeAivvmReply(body: AivvmChatBody): string {
  const { model, messages, prompt, temperature } = body;
  const fromUser = messages.filter((message) => message.role === 'user');
  const question = fromUser[fromUser.length - 1]?.content ?? '';
  const heading =
    question.trim() === '' ? '## Hello' : `## About "${shorten(question, TITLE_LIMIT)}"`;
  const opening =
    question.trim() === ''
      ? 'There is no user message to answer yet, so here is what this server can do.'
      : `You asked: "${shorten(question, QUOTE_LIMIT)}". This is a canned answer from the` +
        ' rx-completions loopback server, streamed word by word the way chat.aivvm.com streamed' +
        ' its replies.';
  return [
    heading,
    '',
    opening,
    '',
    `- **Model:** ${model.name} (\`${model.id}\`)`,
    `- **Temperature:** ${temperature}`,
    `- **Conversation:** ${messages.length} message${messages.length === 1 ? '' : 's'}, ${fromUser.length} from you`,
    `- **System prompt:** ${prompt === '' ? 'none' : `"${shorten(prompt, 60)}"`}`,
    '',
    'Unsubscribe at any time to cancel the stream.',
    '',
  ].join('\n');
}
