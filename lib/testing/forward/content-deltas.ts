import { createParser, type EventSourceParser } from 'eventsource-parser';

/**
 * What one SSE event of an OpenAI stream means to the forward: text to pass on, the finish
 * chunk, `[DONE]`, or a failure (an `error` object, or data that is not JSON).
 */
export type UpstreamSignal =
  | { readonly kind: 'content'; readonly text: string }
  | { readonly kind: 'finish' }
  | { readonly kind: 'done' }
  | { readonly kind: 'failure'; readonly reason: string };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

function interpret(data: string): UpstreamSignal[] {
  if (data === '[DONE]') return [{ kind: 'done' }];
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    return [
      { kind: 'failure', reason: `Upstream sent an event that is not JSON: ${data.slice(0, 80)}` },
    ];
  }
  if (!isRecord(chunk)) return [];
  if (isRecord(chunk.error)) {
    const { message } = chunk.error;
    return [{ kind: 'failure', reason: typeof message === 'string' ? message : 'Upstream error' }];
  }
  const choice: unknown = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
  if (!isRecord(choice)) return [];
  const content = isRecord(choice.delta) ? choice.delta.content : undefined;
  const signals: UpstreamSignal[] = [];
  if (typeof content === 'string' && content !== '')
    signals.push({ kind: 'content', text: content });
  if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
    signals.push({ kind: 'finish' });
  }
  return signals;
}

/**
 * Reads an OpenAI chat completions stream, bytes in, {@link UpstreamSignal}s out: decodes
 * UTF-8 across chunk boundaries (WHATWG Encoding, streaming mode), frames events with
 * `eventsource-parser` (WHATWG HTML §9.2: CRLF, LF or CR line ends, comments, multi-line `data`), and
 * reads `choices[0].delta.content` and `finish_reason` of each chunk. Chunks without
 * choices (the usage chunk) say nothing.
 *
 * @example
 * ```ts
 * const deltas = new ContentDeltas();
 * deltas.feed(new TextEncoder().encode('data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n'));
 * // [{ kind: 'content', text: 'Hi' }]
 * ```
 */
export class ContentDeltas {
  readonly #decoder = new TextDecoder();
  readonly #parser: EventSourceParser;
  #signals: UpstreamSignal[] = [];

  constructor() {
    this.#parser = createParser({
      onEvent: (event) => {
        this.#signals.push(...interpret(event.data));
      },
    });
  }

  /**
   * Parses the next bytes of the stream.
   *
   * @param bytes - the next bytes, split anywhere.
   * @returns the signals of the events these bytes completed, in order.
   */
  feed(bytes: Uint8Array): readonly UpstreamSignal[] {
    this.#parser.feed(this.#decoder.decode(bytes, { stream: true }));
    const signals = this.#signals;
    this.#signals = [];
    return signals;
  }
}
