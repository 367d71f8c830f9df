import {
  asyncScheduler,
  concatMap,
  defer,
  dematerialize,
  map,
  materialize,
  of,
  timer,
  type Observable,
  type ObservableNotification,
  type OperatorFunction,
  type SchedulerLike,
} from 'rxjs';
import { checkedNumber } from './internal/checked-number.js';
import { textSplitterFor, type SmoothTextChunking } from './internal/text-splitter-for.js';
import { regroupText } from './internal/regroup-text.js';

export type { ChunkDetector, SmoothTextChunking } from './internal/text-splitter-for.js';

/** How {@link smoothText} cuts and paces text. */
export interface SmoothTextConfig {
  /**
   * Where a chunk ends: `'word'` (a word and the whitespace after it), `'line'` (a line and the
   * blank lines after it that have been received with it), a RegExp (a chunk runs to the end of the first match; flags `g` and
   * `y` are ignored; an empty match counts as none), an `Intl.Segmenter` (one segment with the
   * spaces and punctuation after it — the choice for Chinese or Japanese, which have no
   * spaces between words), or a function that returns the first chunk of its buffer (a
   * non-empty prefix) or `undefined` while there is none.
   *
   * `'word'` and `'line'` read each character once: the work is linear in the text, however
   * long a word or line (a URL, base64, a CJK paragraph without spaces). A RegExp, a segmenter
   * or a function is run on the whole text received since the last chunk, once per incoming
   * chunk and once after each chunk it finds: linear while its chunks are short, but a chunk
   * of length `L` received in pieces of `k` characters costs about `L²/k` (more for a RegExp
   * that backtracks). Keep such chunks short, or find their end quickly (`indexOf`, a RegExp
   * that does not start with a wildcard).
   * @default 'word'
   * @example `{ chunking: new Intl.Segmenter('zh', { granularity: 'word' }) }`
   */
  readonly chunking?: SmoothTextChunking;
  /**
   * The least time between two chunks, in ms. `0` re-chunks without pacing (no timers: each
   * chunk is emitted as soon as it is found, synchronously). Pacing costs one timer per
   * waiting chunk; the time a chunk waits is not CPU time.
   * @default 10 (as the Vercel AI SDK)
   * @example `{ delayMs: 30 }`
   */
  readonly delayMs?: number;
  /**
   * The scheduler that paces the chunks.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/**
 * Re-chunks bursty text into words (or lines, or your chunks) emitted at an even pace, so that
 * a reply that arrives in bursts reads smoothly in a UI.
 *
 * ```
 * source:                       -('Hi there you'|)
 * smoothText({ delayMs: 3 }):   -'Hi '--'there '--('you'|)
 * ```
 *
 * Each chunk is emitted as soon as it is complete, but never sooner than `delayMs` after the
 * previous one: chunks that arrive in a burst wait in order, chunks that arrive slowly are
 * not delayed. The text after the last complete chunk (a word with no whitespace after it
 * yet) waits for the text that completes it; when the source completes, it is flushed at
 * once as the last chunk (after the chunks still waiting, at the same pace), and completion
 * follows it immediately, without a trailing delay. On error, likewise: what was buffered is
 * emitted, then the error. Nothing is lost, reordered or altered:
 * joined, the output equals the input. Unsubscribing stops the source and the pacing timers.
 * A chunking function that returns something other than a prefix of its buffer makes the
 * Observable error with a `TypeError`. The peer is the Vercel AI SDK's `smoothStream`, which
 * searches its whole buffer again for every chunk; here the default chunkings read each
 * character once, so 1 MB without whitespace in 4-character chunks takes milliseconds, not
 * hours. Built on RxJS `concatMap` and `timer`, so it runs in virtual time under
 * `TestScheduler`.
 *
 * @example
 * ```ts
 * import { smoothText, accumulateText, Aivvm } from 'rx-completions';
 *
 * Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Tell me a story' }], true)
 *   .pipe(smoothText({ chunking: 'word', delayMs: 20 }), accumulateText())
 *   .subscribe((text) => render(text));
 * ```
 *
 * @see {@link bufferLines} and {@link bufferSentences} to regroup without pacing.
 * @see {@link accumulateText} to render the running text.
 * @param config - chunking and pace.
 * @returns an operator from text chunks to evenly paced chunks.
 */
export function smoothText(config: SmoothTextConfig = {}): OperatorFunction<string, string> {
  const createSplitter = textSplitterFor(config.chunking ?? 'word');
  const delayMs = checkedNumber(config.delayMs ?? 10, 'non-negative', 'smoothText: delayMs');
  const scheduler = config.scheduler ?? asyncScheduler;

  // Without pacing, the chunks go out as they are found (linear in the text; no timers).
  if (delayMs === 0) return regroupText(createSplitter);
  return (source) =>
    defer(() => {
      let lastEmittedAt = -Infinity;
      const paced = (piece: string): Observable<ObservableNotification<string>> => {
        const wait = lastEmittedAt + delayMs - scheduler.now();
        const due$ = wait > 0 ? timer(wait, scheduler) : of(0);
        return due$.pipe(
          map(() => {
            lastEmittedAt = scheduler.now();
            return { kind: 'N', value: piece } as const;
          }),
        );
      };
      return source.pipe(
        regroupText(createSplitter),
        // Materialized, so that completion and errors queue behind the waiting chunks.
        materialize(),
        concatMap((notification): Observable<ObservableNotification<string>> =>
          notification.kind === 'N' ? paced(notification.value) : of(notification),
        ),
        dematerialize(),
      );
    });
}
