import { Observable, type OperatorFunction } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { bufferLines } from '../../../lib/operators/buffer-lines.js';
import { bufferSentences } from '../../../lib/operators/buffer-sentences.js';
import { scanSteps } from '../../../lib/operators/internal/scan-steps.js';
import { smoothText } from '../../../lib/operators/smooth-text.js';

const MB = 1_000_000;

/** `length` characters of `unit` repeated, cut into chunks of `size`. */
function chunked(unit: string, length: number, size: number): string[] {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size)
    chunks.push(text.slice(start, start + size));
  return chunks;
}

const INPUTS = {
  '1 MB without whitespace in 4-character chunks': chunked('aGVsbG8gd29ybGQ+/w==', MB, 4),
  '1 MB of CJK without punctuation in 4-character chunks': chunked(
    '敏捷的棕色狐狸跳过了懒狗',
    MB,
    4,
  ),
  '100k chunks of prose without line or sentence ends': chunked(
    'the quick brown fox jumps over the lazy dog ',
    400_000,
    4,
  ),
  '1 MB of spaces in 4-character chunks': chunked(' ', MB, 4),
  '1 MB of full stops in 4-character chunks': chunked('.', MB, 4),
};

const OPERATORS: Record<string, () => OperatorFunction<string, string>> = {
  'smoothText (word)': () => smoothText({ delayMs: 0 }),
  'smoothText (line)': () => smoothText({ chunking: 'line', delayMs: 0 }),
  bufferLines,
  bufferSentences,
};

/** The most steps per input character a linear regrouping may take. */
const STEPS_PER_CHARACTER = 4;

/**
 * The steps `operator` takes on `chunks`. The source stops feeding once the budget is spent
 * (so that a quadratic implementation fails quickly instead of running for minutes).
 */
function stepsFor(operator: OperatorFunction<string, string>, chunks: readonly string[]) {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const budget = STEPS_PER_CHARACTER * length;
  let joined = 0;
  let fed = 0;
  const source = new Observable<string>((subscriber) => {
    for (const chunk of chunks) {
      if (subscriber.closed || scanSteps.count > budget) break;
      fed += chunk.length;
      subscriber.next(chunk);
    }
    subscriber.complete();
  });
  scanSteps.count = 0;
  source.pipe(operator).subscribe((piece) => (joined += piece.length));
  return { steps: scanSteps.count, budget, fed, joined, length };
}

describe('regrouping is linear in the input', () => {
  describe.each(Object.entries(OPERATORS))('%s', (_, operator) => {
    it.each(Object.entries(INPUTS))('%s', (_, chunks) => {
      const { steps, budget, fed, joined, length } = stepsFor(operator(), chunks);
      expect(fed).toBe(length);
      expect(joined).toBe(length);
      expect(steps).toBeLessThanOrEqual(budget);
    });
  });
});
