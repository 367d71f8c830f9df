/** The pieces the streams are made of: 4 characters each, as a tokenizer cuts English. */
const PIECES = ['The ', 'fox ', 'ran ', 'far ', 'and ', 'then', ' sat', ' by ', 'the ', 'sea.'];

const IDENTITY = '"id":"chatcmpl-bench","created":1700000000,"model":"bench-model"';

/** One `chat.completion.chunk` event, exactly as OpenAI writes it. */
function chunkEvent(delta: string, finishReason: string | null): string {
  const finish = finishReason === null ? 'null' : `"${finishReason}"`;
  return (
    `data: {${IDENTITY},"object":"chat.completion.chunk","system_fingerprint":null,` +
    `"choices":[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}]}\n\n`
  );
}

/** The piece of content event `index` carries. */
export function pieceAt(index: number): string {
  return PIECES[index % PIECES.length] ?? '';
}

/**
 * The whole SSE body of a streamed OpenAI chat completion with `pieces` content events of 4
 * characters (OpenAI's shape): a role chunk, the content chunks, a chunk with the finish
 * reason, a usage chunk, `data: [DONE]`.
 *
 * @param pieces - how many content events.
 * @returns the body, UTF-8 encoded.
 * @example
 * ```ts
 * openAISseBody(3).toString(); // 'data: {..."delta":{"role":"assistant","content":""}...' ...
 * ```
 */
export function openAISseBody(pieces: number): Buffer {
  const events: string[] = [chunkEvent('{"role":"assistant","content":""}', null)];
  for (let index = 0; index < pieces; index++) {
    events.push(chunkEvent(`{"content":${JSON.stringify(pieceAt(index))}}`, null));
  }
  events.push(chunkEvent('{}', 'stop'));
  events.push(
    `data: {${IDENTITY},"object":"chat.completion.chunk","choices":[],` +
      `"usage":{"prompt_tokens":5,"completion_tokens":${pieces},"total_tokens":${pieces + 5}}}\n\n`,
  );
  events.push('data: [DONE]\n\n');
  return Buffer.from(events.join(''));
}

/**
 * The start of a stream that never ends: the role chunk and the first content chunk, in one
 * write (what the cancellation workload's server sends before it holds the response open).
 *
 * @returns the bytes, UTF-8 encoded.
 */
export function openAISseHead(): Buffer {
  return Buffer.from(
    chunkEvent('{"role":"assistant","content":""}', null) +
      chunkEvent(`{"content":${JSON.stringify(pieceAt(0))}}`, null),
  );
}

/**
 * How many characters of content `openAISseBody(pieces)` carries.
 *
 * @param pieces - how many content events.
 * @returns the total length of the deltas.
 */
export function openAISseTextLength(pieces: number): number {
  let length = 0;
  for (let index = 0; index < pieces; index++) length += pieceAt(index).length;
  return length;
}

/** How many events of 1,000 characters a block of the `/huge` reply holds. */
const LONG_EVENTS = 1000;

/**
 * A block of the `/huge` reply, repeated to about the memory workload's size: the role chunk
 * then {@link LONG_EVENTS} content chunks of 1,000 characters (so that a peer reads hundreds of
 * MiB in seconds, not minutes); the role chunk, repeated, adds no content.
 *
 * @returns the block's bytes and the content length it carries.
 */
export function openAISseLongBlock(): { readonly bytes: Buffer; readonly textLength: number } {
  const piece = Array.from({ length: 250 }, (_, index) => pieceAt(index)).join('');
  const events = [chunkEvent('{"role":"assistant","content":""}', null)];
  for (let index = 0; index < LONG_EVENTS; index++) {
    events.push(chunkEvent(`{"content":${JSON.stringify(piece)}}`, null));
  }
  return { bytes: Buffer.from(events.join('')), textLength: LONG_EVENTS * piece.length };
}

/**
 * The end of a reply: the finish chunk, the usage chunk and `[DONE]`.
 *
 * @returns its bytes.
 */
export function openAISseTail(): Buffer {
  return Buffer.from(
    chunkEvent('{}', 'stop') +
      `data: {${IDENTITY},"object":"chat.completion.chunk","choices":[],` +
      `"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}\n\n` +
      'data: [DONE]\n\n',
  );
}
