const encoder = new TextEncoder();

/** One OpenAI `chat.completion.chunk` event carrying `text` as its content delta. */
export function sseDelta(text: string): string {
  const chunk = {
    id: 'c',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { content: text } }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The end marker of an OpenAI stream. */
export const SSE_DONE = 'data: [DONE]\n\n';

/** An OpenAI stream as bytes: one event per delta, then `[DONE]` unless `done` is false. */
export function sseBytes(deltas: readonly string[], done = true): Uint8Array {
  return encoder.encode(deltas.map(sseDelta).join('') + (done ? SSE_DONE : ''));
}

/** The byte length of the events of the first `count` deltas. */
export function sseLength(deltas: readonly string[], count: number): number {
  return encoder.encode(deltas.slice(0, count).map(sseDelta).join('')).length;
}
