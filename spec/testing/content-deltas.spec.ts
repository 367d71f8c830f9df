import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ContentDeltas, type UpstreamSignal } from '../../lib/testing/forward/content-deltas.js';

const content = (text: string): string =>
  JSON.stringify({ choices: [{ delta: { content: text } }] });

/** CRLF and LF line ends, a comment, a multi-line `data`, multi-byte characters, usage, [DONE]. */
const STREAM = new TextEncoder().encode(
  [
    ': keep-alive\r\n\r\n',
    `data: ${JSON.stringify({ choices: [{ delta: { role: 'assistant', content: '' } }] })}\n\n`,
    `data: ${content('Привет, ')}\r\n\r\n`,
    `event: message\ndata: {"choices":[{"delta":\ndata: {"content":"мир 🦔"}}]}\n\n`,
    `data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] })}\n\n`,
    `data: ${JSON.stringify({ choices: [], usage: { total_tokens: 3 } })}\n\n`,
    'data: [DONE]\n\n',
  ].join(''),
);

const EXPECTED: UpstreamSignal[] = [
  { kind: 'content', text: 'Привет, ' },
  { kind: 'content', text: 'мир 🦔' },
  { kind: 'finish' },
  { kind: 'done' },
];

function feedAll(parts: readonly Uint8Array[]): UpstreamSignal[] {
  const deltas = new ContentDeltas();
  return parts.flatMap((part) => [...deltas.feed(part)]);
}

describe('ContentDeltas', () => {
  it('reads the same signals whatever byte the stream is split at', () => {
    for (let at = 0; at <= STREAM.length; at += 1) {
      expect(feedAll([STREAM.subarray(0, at), STREAM.subarray(at)])).toEqual(EXPECTED);
    }
  });

  it('reads the same signals from any split into many pieces', () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 12 });
    fc.assert(
      fc.property(cuts, (points) => {
        const sorted = [0, ...points.sort((a, b) => a - b), STREAM.length];
        const parts = sorted.slice(1).map((end, index) => STREAM.subarray(sorted[index], end));
        expect(feedAll(parts)).toEqual(EXPECTED);
      }),
    );
  });

  it('turns an error object and data that is not JSON into failures', () => {
    const deltas = new ContentDeltas();
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(deltas.feed(encode('data: {"error":{"message":"Overloaded"}}\n\n'))).toEqual([
      { kind: 'failure', reason: 'Overloaded' },
    ]);
    expect(deltas.feed(encode('data: {oops\n\n'))).toEqual([
      { kind: 'failure', reason: 'Upstream sent an event that is not JSON: {oops' },
    ]);
  });
});
