import fc from 'fast-check';
import { from, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { completeToolCalls } from '../../lib/events/complete-tool-calls.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { chatChunkEvents } from '../../lib/providers/openai-compatible/chat-chunk-events.js';
import { decodeUtf8 } from '../../lib/sse/decode-utf8.js';
import { parseServerSentEvents } from '../../lib/sse/parse-server-sent-events.js';
import { chatCompletionEvents } from '../../lib/testing/openai/chat-completion-events.js';
import type { ChatCompletionsBody } from '../../lib/testing/openai/chat-completions-body.js';
import { completeReply } from '../../lib/testing/openai/completion-reply.js';
import type { ReplyScript } from '../../lib/testing/reply/reply-script.js';
import { collectCompleted } from '../support/collect.js';

const body: ChatCompletionsBody = {
  model: 'gpt-4',
  messages: [{ role: 'user', content: 'Hi', toolCalls: [], toolCallId: undefined }],
  stream: true,
  includeUsage: true,
  temperature: undefined,
  maxTokens: undefined,
  stop: [],
  tools: [],
  toolChoice: undefined,
  responseFormat: undefined,
};
const identity = { id: 'chatcmpl-1', created: 0, model: 'gpt-4' };

/** The SSE bytes the loopback server sends for a script. */
function streamBytes(script: ReplyScript): Uint8Array {
  const events = chatCompletionEvents(identity, completeReply(script, body), {
    includeUsage: true,
    streamError: undefined,
    omitDone: false,
  });
  return new TextEncoder().encode(events.join(''));
}

/** The bytes cut at the given offsets. */
function cutBytes(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  return [0, ...sorted].map((start, i) => bytes.subarray(start, sorted[i] ?? bytes.length));
}

const events = (writes: readonly Uint8Array[]): Observable<CompletionEvent> =>
  from(writes).pipe(
    decodeUtf8(),
    parseServerSentEvents({ provider: 'Test' }),
    chatChunkEvents('Test'),
    completeToolCalls('Test'),
  );

const SCRIPT: ReplyScript = {
  reasoning: 'Deux villes: Paris et 東京 🗼, puis la réponse.',
  text: 'Je regarde la météo… 🌦',
  toolCalls: [
    { id: 'call_a', name: 'weather', arguments: '{"city":"Paris","note":"caf\\u00e9 ☕"}' },
    { id: 'call_b', name: 'weather', arguments: '{"city":"東京","emoji":"🗼"}' },
  ],
  argumentsChunkSize: 3,
  interleaveToolCalls: true,
};

describe('an OpenAI stream with reasoning and parallel tool calls, cut anywhere', () => {
  it('gives the same events when every byte arrives alone', async () => {
    const bytes = streamBytes(SCRIPT);
    const whole = await collectCompleted(events([bytes]));
    const byteByByte = await collectCompleted(
      events(Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1))),
    );
    expect(byteByByte).toEqual(whole);
    expect(whole.filter((event) => event.type === 'tool-call')).toEqual([
      {
        type: 'tool-call',
        index: 0,
        id: 'call_a',
        name: 'weather',
        arguments: '{"city":"Paris","note":"caf\\u00e9 ☕"}',
        input: { city: 'Paris', note: 'café ☕' },
      },
      {
        type: 'tool-call',
        index: 1,
        id: 'call_b',
        name: 'weather',
        arguments: '{"city":"東京","emoji":"🗼"}',
        input: { city: '東京', emoji: '🗼' },
      },
    ]);
  });

  it('gives the same events wherever the bytes are cut (random cut points)', async () => {
    const bytes = streamBytes(SCRIPT);
    const whole = await collectCompleted(events([bytes]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        async (offsets) => {
          expect(await collectCompleted(events(cutBytes(bytes, offsets)))).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back any reasoning, text and tool calls, however they are cut', async () => {
    const call = fc.record({
      name: fc.stringMatching(/^[a-z_]{1,12}$/),
      arguments: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(call, { maxLength: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (reasoning, text, calls, argumentsChunkSize, interleaveToolCalls, cuts) => {
          const toolCalls = calls.map((c, i) => ({ ...c, id: `call_${i}` }));
          const script = { reasoning, text, toolCalls, argumentsChunkSize, interleaveToolCalls };
          const bytes = streamBytes(script);
          const got = await collectCompleted(
            events(
              cutBytes(
                bytes,
                cuts.map((cut) => cut % bytes.length),
              ),
            ),
          );
          const joined = (type: 'reasoning-delta' | 'text-delta'): string =>
            got.flatMap((event) => (event.type === type ? [event.text] : [])).join('');
          expect(joined('reasoning-delta')).toBe(reasoning);
          expect(joined('text-delta')).toBe(text);
          expect(got.filter((event) => event.type === 'tool-call')).toEqual(
            toolCalls.map((c, index) => ({
              type: 'tool-call',
              index,
              id: c.id,
              name: c.name,
              arguments: c.arguments,
              input: JSON.parse(c.arguments) as unknown,
            })),
          );
          expect(got.find((event) => event.type === 'finish')).toEqual({
            type: 'finish',
            reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
