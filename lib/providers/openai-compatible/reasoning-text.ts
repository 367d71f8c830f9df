/** A `reasoning_details` element as OpenRouter documents it (`reasoning.text`, `reasoning.summary`...). */
interface ReasoningDetail {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly summary?: unknown;
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The readable text of one `reasoning_details` element; encrypted ones have none. */
function detailText(detail: unknown): string {
  if (!isObject(detail)) return '';
  const { type, text, summary } = detail as ReasoningDetail;
  if (type === 'reasoning.encrypted') return '';
  if (typeof text === 'string') return text;
  return typeof summary === 'string' ? summary : '';
}

/**
 * The reasoning ("thinking") text of a `delta` or `message`, read from the first field that
 * carries it, so a server that sends the same text under several names gives it once:
 *
 * 1. `reasoning_content`, a string (DeepSeek, vLLM, llama.cpp);
 * 2. `reasoning`, a string (OpenRouter, Ollama's OpenAI-compatible API);
 * 3. `reasoning.text`, when `reasoning` is an object;
 * 4. `reasoning_details`, an array whose `reasoning.text` elements have `text` and
 *    `reasoning.summary` ones `summary` (OpenRouter); encrypted elements are skipped.
 *
 * Anything else (a field of another type, an unknown element) is not reasoning and is ignored.
 *
 * @param fields - the `delta` or `message` object.
 * @returns the text, `''` when there is none.
 * @example
 * ```ts
 * reasoningText({ reasoning_content: 'Let me think.' }); // 'Let me think.'
 * reasoningText({ reasoning_details: [{ type: 'reasoning.text', text: 'Hm' }] }); // 'Hm'
 * ```
 */
export function reasoningText(fields: Readonly<Record<string, unknown>>): string {
  const { reasoning_content: content, reasoning, reasoning_details: details } = fields;
  if (typeof content === 'string' && content !== '') return content;
  if (typeof reasoning === 'string' && reasoning !== '') return reasoning;
  if (isObject(reasoning) && typeof reasoning.text === 'string' && reasoning.text !== '') {
    return reasoning.text;
  }
  return Array.isArray(details) ? details.map(detailText).join('') : '';
}
