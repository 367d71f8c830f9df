import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { toReasonPhrase } from '../../lib/testing/reply/reason-phrase.js';
import { planReply } from '../../lib/testing/reply/reply-plan.js';
import { splitWords } from '../../lib/testing/reply/split-words.js';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';

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

describe('composeDefaultReply', () => {
  it('quotes a long question up to 160 characters without breaking a surrogate pair', () => {
    const question = '🦔'.repeat(200);
    const reply = composeDefaultReply({
      model: 'gpt-3.5-turbo',
      messages: [
        { role: 'system', content: '' },
        { role: 'user', content: question },
      ],
      temperature: 0,
    });
    expect(reply).toContain(`You asked: "${'🦔'.repeat(160)}…".`);
    expect(reply).toContain('- **Model:** GPT-3.5 (`gpt-3.5-turbo`)\n');
    expect(reply).toContain('- **System prompt:** none\n');
    expect(reply).toContain('- **Temperature:** 0\n');
    expect(reply).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });

  it('reads a leading system message as the system prompt, and names any model', () => {
    const reply = composeDefaultReply({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ],
    });
    expect(reply).toContain('- **Model:** `llama3.2`\n');
    expect(reply).toContain('- **Temperature:** default\n');
    expect(reply).toContain('- **Conversation:** 2 messages, 1 from you\n');
    expect(reply).toContain('- **System prompt:** "Be brief."\n');
  });
});
