import type { CompletionReply, ReplyToolCall } from './completion-reply.js';

/** Cuts text into pieces of `size` UTF-16 code units (an emoji may fall in two pieces). */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) {
    pieces.push(text.slice(start, start + size));
  }
  return pieces;
}

/** The deltas of one call: the one with its id and name, then one per piece of arguments. */
function callDeltas(call: ReplyToolCall, index: number, size: number): object[] {
  const head = {
    index,
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: '' },
  };
  const pieces = cut(call.arguments, size).map((piece) => ({
    index,
    function: { arguments: piece },
  }));
  return [head, ...pieces];
}

/**
 * The streamed `delta`s of a reply's tool calls, as OpenAI sends them: for each call a first
 * delta `{ tool_calls: [{ index, id, type: 'function', function: { name, arguments: '' } }] }`,
 * then one `{ tool_calls: [{ index, function: { arguments } }] }` per piece of its arguments
 * (`argumentsChunkSize` code units). One call after the other, or, with
 * `interleaveToolCalls`, in turns (each call's next delta, call 0 first).
 *
 * @param reply - the reply's calls and how to cut them.
 * @returns the deltas, one per stream chunk.
 * @example
 * ```ts
 * toolCallChunks({ ...reply, toolCalls: [{ id: 'call_1', name: 'f', arguments: '{}' }] });
 * // [{ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] },
 * //  { tool_calls: [{ index: 0, function: { arguments: '{}' } }] }]
 * ```
 */
export function toolCallChunks(reply: CompletionReply): object[] {
  const perCall = reply.toolCalls.map((call, index) =>
    callDeltas(call, index, reply.argumentsChunkSize),
  );
  const ordered = reply.interleaveToolCalls
    ? Array.from({ length: Math.max(0, ...perCall.map((deltas) => deltas.length)) }, (_, turn) =>
        perCall.flatMap((deltas) => deltas.slice(turn, turn + 1)),
      ).flat()
    : perCall.flat();
  return ordered.map((delta) => ({ tool_calls: [delta] }));
}
