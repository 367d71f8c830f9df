/**
 * Parity with the official client, `@anthropic-ai/sdk`: both read the same scripted streams
 * from the loopback `/v1/messages` (whole, split at every byte, at other sizes, and at random
 * cut points) and must get the same text, thinking, tool calls (id, name, parsed input), stop
 * reason and usage; and for the same call both send the same JSON body and the headers that
 * matter.
 *
 * Differences of the requests, normalised here:
 * - `anthropic-version`: the SDK (1.x) sends `2026-10-21`, ours `2023-06-01` by default
 *   (`version` selects another); the stream shapes read here are the same in both.
 * - `accept`: the SDK asks for `application/json` even when streaming, ours for
 *   `text/event-stream`.
 * - The key: the SDK 1.x sends it as `authorization: Bearer`, ours as `x-api-key` (the header
 *   Anthropic's API documentation names; the loopback twin takes both).
 * - The SDK adds `user-agent`, `x-stainless-*` (retry count, timeout, platform) headers;
 *   ours adds none of its own.
 */
import AnthropicSDK from '@anthropic-ai/sdk';
import fc from 'fast-check';
import { firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { Anthropic } from '../../lib/providers/anthropic/anthropic.js';
import type { AnthropicReply } from '../../lib/testing/anthropic/anthropic-reply.js';
import { messageEvents } from '../../lib/testing/anthropic/message-events.js';
import type { ReplyScript } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const KEY = 'sk-ant-parity-0123456789';
const server = useLoopbackServer({ apiKey: KEY });
const PATH = '/v1/messages';
const MODEL = 'claude-sonnet-4-5';

interface Outcome {
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly { id: string; name: string; input: unknown }[];
  readonly stopReason: string | null;
  readonly usage: { readonly input: number; readonly output: number };
}

// Retries only for undici reusing a socket the server's 50 ms keep-alive is closing (a
// connection error before the request reaches the server); no test here answers an error.
const sdk = () => new AnthropicSDK({ baseURL: server().url, apiKey: KEY, maxRetries: 2 });
const ours = () => new Anthropic({ baseURL: server().url, apiKey: KEY });

const PROMPT = [{ role: 'user' as const, content: 'What is 2 + 2? Привет 👋' }];
const TOOL = {
  name: 'add',
  description: 'Adds two numbers',
  input_schema: {
    type: 'object' as const,
    properties: { a: { type: 'number' }, b: { type: 'number' } },
  },
};

async function viaSdk(): Promise<Outcome> {
  const message = await sdk()
    .messages.stream({ model: MODEL, max_tokens: 4096, messages: PROMPT, tools: [TOOL] })
    .finalMessage();
  const blocks = message.content;
  return {
    text: blocks.map((b) => (b.type === 'text' ? b.text : '')).join(''),
    reasoning: blocks.map((b) => (b.type === 'thinking' ? b.thinking : '')).join(''),
    toolCalls: blocks.flatMap((b) =>
      b.type === 'tool_use' ? [{ id: b.id, name: b.name, input: b.input }] : [],
    ),
    stopReason: message.stop_reason,
    usage: { input: message.usage.input_tokens, output: message.usage.output_tokens },
  };
}

async function viaOurs(): Promise<Outcome> {
  const events: CompletionEvent[] = await firstValueFrom(
    ours()
      .createCompletionEvents(MODEL, PROMPT, true, {
        tools: [{ name: TOOL.name, description: TOOL.description, parameters: TOOL.input_schema }],
      })
      .pipe(toArray()),
  );
  const join = (type: 'text-delta' | 'reasoning-delta') =>
    events.map((e) => (e.type === type ? e.text : '')).join('');
  const usage = events.find((e) => e.type === 'usage');
  const finish = events.find((e) => e.type === 'finish');
  return {
    text: join('text-delta'),
    reasoning: join('reasoning-delta'),
    toolCalls: events.flatMap((e) =>
      e.type === 'tool-call' ? [{ id: e.id, name: e.name, input: e.input }] : [],
    ),
    stopReason: finish?.type === 'finish' ? finish.reason : null,
    usage:
      usage?.type === 'usage'
        ? { input: usage.usage.promptTokens, output: usage.usage.completionTokens }
        : { input: -1, output: -1 },
  };
}

/** Both clients read the same script; their outcomes are compared. */
async function bothRead(script: ReplyScript): Promise<[Outcome, Outcome]> {
  server().enqueue({ path: PATH, ...script }, { path: PATH, ...script });
  return [await viaSdk(), await viaOurs()];
}

const RICH: ReplyScript = {
  text: 'Two plus two is four. Ответ: 4 ✅',
  reasoning: 'The user asks for a sum; 2 + 2 = 4. 🧮',
  toolCalls: [
    { id: 'toolu_01', name: 'add', arguments: '{"a":2,"b":2}' },
    { id: 'toolu_02', name: 'add', arguments: '{"a":"é😀","b":[1,{"c":null}]}' },
  ],
};

describe('parity with @anthropic-ai/sdk: the same streams read the same', () => {
  it.each([undefined, 1, 2, 3, 7, 64])(
    'text, thinking, tool calls, usage (chunkSize %s)',
    async (chunkSize) => {
      const [theirs, mine] = await bothRead({ ...RICH, ...(chunkSize ? { chunkSize } : {}) });
      expect(mine).toEqual(theirs);
      expect(mine.toolCalls).toHaveLength(2);
      expect(mine.reasoning).not.toBe('');
    },
  );

  it('the default reply (a call of the tool offered), split at every byte', async () => {
    const [theirs, mine] = await bothRead({ chunkSize: 1 });
    expect(mine).toEqual(theirs);
    expect(mine.stopReason).toBe('tool_use');
  });

  it('at random cut points (fast-check)', async () => {
    const reply: AnthropicReply = {
      reasoning: ['Think ', 'hard. ', '🤔'],
      text: ['Héllo ', 'wörld ', '😀'],
      toolCalls: [{ id: 'toolu_r', name: 'add', arguments: '{"a":1,"b":"ß"}' }],
      stopReason: 'tool_use',
      stopSequence: null,
      usage: { input_tokens: 12, output_tokens: 7 },
    };
    const body = new TextEncoder().encode(
      messageEvents(reply, {
        id: 'msg_r',
        model: MODEL,
        streamError: undefined,
        omitStop: false,
      }).join(''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 12 }),
        async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), body.length];
          const chunks = points.slice(1).map((end, i) => body.subarray(points[i], end));
          const [theirs, mine] = await bothRead({ chunks });
          expect(mine).toEqual(theirs);
          expect(mine.text).toBe('Héllo wörld 😀');
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('parity with @anthropic-ai/sdk: the same call sends the same request', () => {
  it('the JSON body and the headers that matter', async () => {
    server().enqueue({ path: PATH, text: 'ok' }, { path: PATH, text: 'ok' });
    const wire = {
      model: MODEL,
      max_tokens: 1000,
      system: 'Be brief.',
      messages: [
        { role: 'user' as const, content: 'Add 2 and 2' },
        {
          role: 'assistant' as const,
          content: [
            { type: 'text' as const, text: 'Adding.' },
            { type: 'tool_use' as const, id: 'toolu_1', name: 'add', input: { a: 2, b: 2 } },
          ],
        },
        {
          role: 'user' as const,
          content: [
            { type: 'tool_result' as const, tool_use_id: 'toolu_1', content: '4' },
            { type: 'text' as const, text: 'And now?' },
          ],
        },
      ],
      stop_sequences: ['END'],
      tools: [TOOL],
      tool_choice: { type: 'any' as const },
      thinking: { type: 'enabled' as const, budget_tokens: 512 },
    };
    await sdk().messages.stream(wire).finalMessage();
    await firstValueFrom(
      ours()
        .createCompletionEvents(
          MODEL,
          [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Add 2 and 2' },
            {
              role: 'assistant',
              content: 'Adding.',
              toolCalls: [{ id: 'toolu_1', name: 'add', arguments: '{"a":2,"b":2}' }],
            },
            { role: 'tool', toolCallId: 'toolu_1', content: '4' },
            { role: 'user', content: 'And now?' },
          ],
          true,
          {
            maxTokens: 1000,
            stop: ['END'],
            tools: [
              { name: TOOL.name, description: TOOL.description, parameters: TOOL.input_schema },
            ],
            toolChoice: 'required',
            thinking: { budgetTokens: 512 },
          },
        )
        .pipe(toArray()),
    );
    const [theirs, mine] = server().requests;
    expect(mine?.json()).toEqual(theirs?.json());
    expect(theirs?.json()).toMatchObject({ stream: true });
    expect(mine?.headers['content-type']).toBe(theirs?.headers['content-type']);
    expect([theirs?.headers.authorization, mine?.headers['x-api-key']]).toEqual([
      `Bearer ${KEY}`,
      KEY,
    ]);
    expect(mine?.path).toBe(theirs?.path);
    // The listed differences.
    expect([theirs?.headers['anthropic-version'], mine?.headers['anthropic-version']]).toEqual([
      '2026-10-21',
      '2023-06-01',
    ]);
  });
});
