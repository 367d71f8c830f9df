import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { toReasonPhrase } from '../../lib/testing/reply/reason-phrase.js';
import { planReply } from '../../lib/testing/reply/reply-plan.js';
import { splitWords } from '../../lib/testing/reply/split-words.js';
import { composeAivvmReply } from '../../lib/testing/routes/aivvm-default-reply.js';

describe('splitWords', () => {
  it('gives the text back when joined, in non-empty word-ish pieces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const pieces = splitWords(text);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(piece).toMatch(/^(\S+\s*|\s+)$/u);
      }),
    );
  });
});

describe('toReasonPhrase', () => {
  it('always gives something a status line can carry, or undefined', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const phrase = toReasonPhrase(text);
        if (phrase !== undefined) expect(phrase).toMatch(/^[\x20-\x7e]{1,200}$/);
      }),
    );
    expect(toReasonPhrase(' \r\n ')).toBeUndefined();
  });
});

describe('planReply', () => {
  const defaults = { contentType: 'text/plain', delayMs: 15, pieces: ['a ', 'b'] };

  it('fills what the script leaves open from the defaults', () => {
    expect(planReply({}, defaults)).toEqual({
      status: 200,
      statusText: undefined,
      headers: { 'content-type': 'text/plain' },
      writes: [new TextEncoder().encode('a '), new TextEncoder().encode('b')],
      delayMs: 15,
      headersDelayMs: 0,
      fault: undefined,
    });
  });

  it('drops empty writes, which would end a chunked body early', () => {
    expect(planReply({ chunks: ['', 'x', new Uint8Array(0)] }, defaults).writes).toHaveLength(1);
    expect(planReply({ text: '' }, defaults).writes).toEqual([]);
  });

  it('turns every fault into a byte count', () => {
    expect(planReply({ stall: 'after-headers' }, defaults).fault).toEqual({
      kind: 'stall',
      afterBytes: 0,
    });
    expect(planReply({ stall: { afterBytes: 3 } }, defaults).fault).toEqual({
      kind: 'stall',
      afterBytes: 3,
    });
    expect(planReply({ truncate: { afterBytes: 2 } }, defaults).fault).toEqual({
      kind: 'truncate',
      afterBytes: 2,
    });
  });
});

describe('composeAivvmReply', () => {
  it('quotes a long question up to 160 characters without breaking a surrogate pair', () => {
    const question = '🦔'.repeat(200);
    const reply = composeAivvmReply({
      model: { id: 'gpt-3.5-turbo', name: 'GPT-3.5' },
      messages: [{ role: 'user', content: question }],
      key: '',
      prompt: '',
      temperature: 0,
    });
    expect(reply).toContain(`You asked: "${'🦔'.repeat(160)}…".`);
    expect(reply).toContain('- **System prompt:** none\n');
    expect(reply).toContain('- **Temperature:** 0\n');
    expect(reply).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});
