import { from, toArray, type OperatorFunction } from 'rxjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferLines } from '../../../lib/operators/buffer-lines.js';
import { bufferSentences } from '../../../lib/operators/buffer-sentences.js';
import { smoothText } from '../../../lib/operators/smooth-text.js';
import { chunkedText } from '../support/chunked-text.js';

/**
 * The RegExps the scanners replace, as the operators used them before (searching the whole
 * buffer for every chunk): the reference the scanners must agree with on any text.
 */
const CLOSERS = `"'”’)\\]}»*_`;
const CJK_CLOSERS = `${CLOSERS}」』）】〕》`;
const REFERENCE = {
  word: /\S+\s+/,
  line: /\n(?:\r?\n)*/,
  bufferLines: /\n/,
  bufferSentences: new RegExp(
    [
      `(?:(?<!(?:^|\\n)[ \\t]*\\d+)\\.|[!?…])[.!?…]*[${CLOSERS}]*\\s+(?=[^\\s\\p{Ll}])`,
      `[。！？]+[${CJK_CLOSERS}]*\\s*(?=[^\\s。！？${CJK_CLOSERS}])`,
      `\\n\\s*(?=\\S)`,
    ].join('|'),
    'u',
  ),
};

/** The pieces of `text` as one chunk, found by searching the buffer with `pattern` again and again. */
function referencePieces(text: string, pattern: RegExp): string[] {
  const pieces: string[] = [];
  let buffer = text;
  for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
    const end = match.index + match[0].length;
    pieces.push(buffer.slice(0, end));
    buffer = buffer.slice(end);
  }
  return buffer === '' ? pieces : [...pieces, buffer];
}

function piecesOf(chunks: readonly string[], operator: OperatorFunction<string, string>): string[] {
  let pieces: string[] = [];
  from(chunks)
    .pipe(operator, toArray())
    .subscribe((values) => (pieces = values));
  return pieces;
}

const OPERATORS: Record<keyof typeof REFERENCE, () => OperatorFunction<string, string>> = {
  word: () => smoothText({ delayMs: 0 }),
  line: () => smoothText({ chunking: 'line', delayMs: 0 }),
  bufferLines,
  bufferSentences,
};

const ALPHABET = [
  'a',
  'B',
  'é',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '\n',
  '\r',
  '\r\n',
  '.',
  '!',
  '?',
  '…',
  '3',
  '"',
  '”',
  '*',
  ')',
  '。',
  '！',
  '」',
  '我',
  'e.g.',
  '1. ',
  '\n 12.',
  '𝑎', // U+1D44E, a lower-case letter outside the BMP
  '😀',
];

describe('the piece scanners', () => {
  it.each(Object.keys(REFERENCE) as (keyof typeof REFERENCE)[])(
    '%s: on any text, in one chunk or many, the pieces of the rescanning RegExp',
    (name) => {
      fc.assert(
        fc.property(chunkedText(ALPHABET), ({ text, chunks }) => {
          const expected = referencePieces(text, REFERENCE[name]);
          expect(piecesOf([text], OPERATORS[name]())).toEqual(expected);
          if (name === 'bufferLines' || name === 'bufferSentences') {
            expect(piecesOf(chunks, OPERATORS[name]())).toEqual(expected);
          } else {
            expect(piecesOf(chunks, OPERATORS[name]()).join('')).toBe(text);
          }
        }),
        { numRuns: 1000 },
      );
    },
  );

  it('word and line, chunk by chunk: the pieces of the rescanning RegExp on the growing buffer', () => {
    fc.assert(
      fc.property(chunkedText(ALPHABET), fc.constantFrom('word', 'line'), ({ chunks }, name) => {
        const expected: string[] = [];
        let buffer = '';
        for (const chunk of chunks) {
          buffer += chunk;
          const pieces = referencePieces(buffer, REFERENCE[name]);
          buffer =
            pieces.length > 0 && !REFERENCE[name].test(pieces.at(-1) ?? '') ? pieces.pop()! : '';
          expected.push(...pieces);
        }
        if (buffer !== '') expected.push(buffer);
        expect(piecesOf(chunks, OPERATORS[name]())).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
