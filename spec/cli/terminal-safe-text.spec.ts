import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  stripTerminalControls,
  TerminalControlFilter,
  terminalSafeJson,
} from '../../lib/cli/terminal-safe-text.js';

const ESC = '\u001b';
const BEL = '\u0007';

/** Each hostile input and what must be left of it. */
const SAMPLES: readonly (readonly [name: string, input: string, printed: string])[] = [
  ['colours (CSI SGR)', `${ESC}[1;31mred${ESC}[0m`, 'red'],
  ['clear screen and home (CSI)', `a${ESC}[2J${ESC}[Hb`, 'ab'],
  ['private mode (CSI ?)', `${ESC}[?1049hx${ESC}[?25l`, 'x'],
  ['window title (OSC … BEL)', `${ESC}]0;pwned${BEL}ok`, 'ok'],
  ['hyperlink (OSC … ESC \\)', `${ESC}]8;;https://e.invalid${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
  ['clipboard write (OSC 52)', `${ESC}]52;c;aGk=${BEL}after`, 'after'],
  ['device control string (DCS … ST)', `${ESC}Pq#0;2;0${ESC}\\after`, 'after'],
  ['terminal reset (ESC c)', `${ESC}creset`, 'reset'],
  ['charset (ESC ( B)', `${ESC}(Bx`, 'x'],
  ['C1 CSI', '\u009b2Jx', 'x'],
  ['C1 OSC … C1 ST', '\u009d0;title\u009cy', 'y'],
  ['lone C1 controls', 'a\u0085b\u008dc', 'abc'],
  ['carriage return, backspace, NUL, DEL', 'ab\rX\bY\u0000\u007fz', 'abXYz'],
  ['ESC before a line break', `${ESC}\nx`, '\nx'],
  ['a sequence restarted by ESC', `${ESC}[31${ESC}[0mz`, 'z'],
];

/** Splits `text` at `cuts` and filters the pieces in order with one filter. */
function filterInPieces(text: string, cuts: readonly number[]): string {
  const filter = new TerminalControlFilter();
  const points = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  let out = '';
  for (let i = 1; i < points.length; i += 1)
    out += filter.push(text.slice(points[i - 1], points[i]));
  return out;
}

describe('stripTerminalControls', () => {
  it('returns text without controls unchanged, tabs and line breaks included', () => {
    const text = 'Plain text, ünïcödé ✓ 😀\n\tindented\n';
    expect(stripTerminalControls(text)).toBe(text);
  });

  it.each(SAMPLES)('removes %s whole', (_name, input, printed) => {
    expect(stripTerminalControls(input)).toBe(printed);
  });

  it.each(SAMPLES)('removes %s split at any point across two chunks', (_name, input, printed) => {
    for (let cut = 0; cut <= input.length; cut += 1) {
      expect(filterInPieces(input, [cut]), `cut at ${cut} of ${JSON.stringify(input)}`).toBe(
        printed,
      );
    }
  });

  it('removes a sequence split into one chunk per character', () => {
    const input = SAMPLES.map(([, text]) => text).join('');
    const cuts = Array.from({ length: input.length }, (_, index) => index);
    expect(filterInPieces(input, cuts)).toBe(SAMPLES.map(([, , printed]) => printed).join(''));
  });

  it('prints again after an endless control string, without its controls', () => {
    const printed = stripTerminalControls(`${ESC}]0;${'a'.repeat(5_000)}${ESC}[2Jtail`);
    expect(printed).toBe(`${'a'.repeat(5_000 - 4_096 + 2)}tail`);
  });

  it('drops a sequence left open at the end of a stream', () => {
    const filter = new TerminalControlFilter();
    expect(filter.push(`text${ESC}]0;unfinished`)).toBe('text');
    filter.end();
    expect(filter.push('next')).toBe('next');
  });

  it('never lets a control through, and chunking never changes the result (generated)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        ESC,
        BEL,
        '[',
        ']',
        '\\',
        '\u009b',
        '\u009c',
        '\u009d',
        '\r',
        '\n',
        '2J',
        ';',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')),
        fc.array(fc.nat(200), { maxLength: 5 }),
        (text, cuts) => {
          const whole = stripTerminalControls(text);
          // eslint-disable-next-line no-control-regex -- finding control characters is the point
          expect(whole).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
          expect(
            filterInPieces(
              text,
              cuts.map((cut) => Math.min(cut, text.length)),
            ),
          ).toBe(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('terminalSafeJson', () => {
  it('escapes C0, DEL and C1 controls, and parses back to the same value', () => {
    const value = { text: `a${ESC}[2J\u009b\u007f\u0085b` };
    const json = terminalSafeJson(value);

    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(value);
  });
});
