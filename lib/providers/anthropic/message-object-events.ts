import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { anthropicServerError, parseJsonFields, type JsonFields } from './anthropic-json.js';
import { anthropicTokenUsage } from './anthropic-usage.js';

const blocksOf = (value: unknown): JsonFields[] =>
  Array.isArray(value)
    ? value.filter((block): block is JsonFields => typeof block === 'object' && block !== null)
    : [];

/**
 * The events of a whole Messages API reply (a `Message`, `stream: false`): one `text-delta`
 * with its text blocks joined (`''` when it has none, so a text request emits one string), one
 * `reasoning-delta` with its thinking, one `tool-call-delta` per `tool_use` block (its whole
 * input as JSON text), `finish` with the `stop_reason`, and `usage`.
 *
 * @param data - the body's text.
 * @param provider - the provider's name, for errors.
 * @returns the events, in order.
 * @throws StreamError `server-error` for an error object, `invalid-json` for a body that is not
 *   a JSON object, `unexpected-shape` for one without a `content` array.
 * @example
 * ```ts
 * messageObjectEvents('{"type":"message","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn"}', 'Anthropic');
 * // [{ type: 'text-delta', text: 'Hi' }, { type: 'finish', reason: 'end_turn' }, { type: 'usage', ... }]
 * ```
 */
export function messageObjectEvents(data: string, provider: string): CompletionEvent[] {
  const message = parseJsonFields(data, provider);
  if (message.type === 'error') throw anthropicServerError(message, data, provider);
  if (!Array.isArray(message.content)) {
    const detail = 'the reply has no content array';
    throw new StreamError({ kind: 'unexpected-shape', provider, detail, excerpt: data });
  }
  const blocks = blocksOf(message.content);
  const text = (type: string, field: string): string =>
    blocks
      .filter((block) => block.type === type)
      .map((block) => (typeof block[field] === 'string' ? block[field] : ''))
      .join('');
  const events: CompletionEvent[] = [];
  const reasoning = text('thinking', 'thinking');
  if (reasoning !== '') events.push({ type: 'reasoning-delta', text: reasoning });
  events.push({ type: 'text-delta', text: text('text', 'text') });
  blocks
    .filter((block) => block.type === 'tool_use')
    .forEach((block, index) => {
      events.push({
        type: 'tool-call-delta',
        index,
        ...(typeof block.id === 'string' ? { id: block.id } : {}),
        ...(typeof block.name === 'string' ? { name: block.name } : {}),
        argumentsDelta: JSON.stringify(block.input ?? {}),
      });
    });
  if (typeof message.stop_reason === 'string') {
    events.push({ type: 'finish', reason: message.stop_reason });
  }
  const usage = message.usage;
  if (typeof usage === 'object' && usage !== null) {
    events.push({ type: 'usage', usage: anthropicTokenUsage(usage) });
  }
  return events;
}
