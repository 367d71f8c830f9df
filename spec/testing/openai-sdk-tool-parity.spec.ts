import OpenAI from 'openai';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

import type { CompletionEvent } from '../../lib/events/completion-event.js';
import type { ChatMessage } from '../../lib/messages/chat-message.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { ReplyScript } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

// A connection idle for 50 ms (the helper's default) is closed, and one opened under load may
// wait that long before its request is written: give it time.
const server = useLoopbackServer({ keepAliveTimeoutMs: 400 });

/** What a client made of a reply: its text, its reasoning, its tool calls. */
interface Reading {
  readonly text: string;
  readonly reasoning: string;
  readonly calls: readonly {
    readonly id: string;
    readonly name: string;
    readonly arguments: string;
  }[];
}

const PROMPT = 'Weather in Paris and Tokyo?';
const messages: ChatMessage[] = [{ role: 'user', content: PROMPT }];
const WEATHER_PARAMETERS = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
};

/** Reasoning from the fields the SDK passes through untyped. */
function reasoningOf(fields: object): string {
  const { reasoning_content: content, reasoning } = fields as {
    reasoning_content?: unknown;
    reasoning?: unknown;
  };
  if (typeof content === 'string') return content;
  return typeof reasoning === 'string' ? reasoning : '';
}

/** The official SDK, reading the stream chunk by chunk; the calls joined per index by hand. */
async function readWithSdk(stream: boolean, withTools: boolean): Promise<Reading> {
  const client = new OpenAI({ baseURL: `${server().url}/v1`, apiKey: 'sk-parity', maxRetries: 0 });
  const tools = withTools
    ? [
        {
          type: 'function' as const,
          function: { name: 'get_weather', parameters: WEATHER_PARAMETERS },
        },
      ]
    : undefined;
  const body = {
    model: 'gpt-4o',
    messages: [{ role: 'user' as const, content: PROMPT }],
    ...(tools === undefined ? {} : { tools }),
  };
  if (!stream) {
    const completion = await client.chat.completions.create({ ...body, stream: false });
    const message = completion.choices[0]?.message;
    if (message === undefined) throw new Error('no choice');
    return {
      text: message.content ?? '',
      reasoning: reasoningOf(message),
      calls: (message.tool_calls ?? []).flatMap((call) =>
        call.type === 'function'
          ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }]
          : [],
      ),
    };
  }
  const chunks = await client.chat.completions.create({ ...body, stream: true });
  let text = '';
  let reasoning = '';
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for await (const chunk of chunks) {
    const delta = chunk.choices[0]?.delta;
    if (delta === undefined) continue;
    text += delta.content ?? '';
    reasoning += reasoningOf(delta);
    for (const piece of delta.tool_calls ?? []) {
      const call = calls.get(piece.index) ?? { id: '', name: '', arguments: '' };
      call.id ||= piece.id ?? '';
      call.name ||= piece.function?.name ?? '';
      call.arguments += piece.function?.arguments ?? '';
      calls.set(piece.index, call);
    }
  }
  const ordered = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return { text, reasoning, calls: ordered };
}

/** Ours: the events of `createCompletionEvents`, the calls being its `tool-call` events. */
async function readWithOurs(stream: boolean, withTools: boolean): Promise<Reading> {
  const provider = new OpenAICompatible({ baseURL: `${server().url}/v1`, apiKey: 'sk-parity' });
  const tools = withTools ? [{ name: 'get_weather', parameters: WEATHER_PARAMETERS }] : undefined;
  const events: CompletionEvent[] = await lastValueFrom(
    provider
      .createCompletionEvents('gpt-4o', messages, stream, tools === undefined ? {} : { tools })
      .pipe(toArray()),
  );
  const joined = (type: 'text-delta' | 'reasoning-delta'): string =>
    events.flatMap((event) => (event.type === type ? [event.text] : [])).join('');
  return {
    text: joined('text-delta'),
    reasoning: joined('reasoning-delta'),
    calls: events.flatMap((event) =>
      event.type === 'tool-call'
        ? [{ id: event.id, name: event.name, arguments: event.arguments }]
        : [],
    ),
  };
}

const PARALLEL: ReplyScript = {
  reasoning: 'Two cities — Paris and 東京 🗼 — so two calls.',
  text: 'Checking both… ☀️',
  toolCalls: [
    { id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris","note":"caf\\u00e9"}' },
    { id: 'call_tokyo', name: 'get_weather', arguments: '{"city":"東京","emoji":"🗼"}' },
  ],
  argumentsChunkSize: 3,
  interleaveToolCalls: true,
};

describe('parity with the official openai SDK: the same scripted stream read by both', () => {
  it.each<[string, ReplyScript, boolean]>([
    ['reasoning, text and parallel interleaved calls', PARALLEL, true],
    ['the same, every byte its own write (chunkSize 1)', { ...PARALLEL, chunkSize: 1 }, true],
    [
      'calls one after the other, arguments one code unit a piece',
      { ...PARALLEL, interleaveToolCalls: false, argumentsChunkSize: 1, chunkSize: 7 },
      true,
    ],
    [
      'reasoning under `reasoning` (OpenRouter, Ollama)',
      { ...PARALLEL, reasoningField: 'reasoning' },
      true,
    ],
    [
      'reasoning and text only',
      { reasoning: 'Hmm… 🤔', text: 'Sunny in Paris.', chunkSize: 1 },
      true,
    ],
    ['the whole reply (stream: false)', PARALLEL, false],
  ])('%s', async (_, script, stream) => {
    server().enqueue(script, script);
    const sdk = await readWithSdk(stream, false);
    const ours = await readWithOurs(stream, false);
    expect(ours).toEqual(sdk);
    expect(ours.reasoning).toBe(script.reasoning);
    expect(ours.text).toBe(script.text);
    expect(ours.calls).toEqual(script.toolCalls ?? []);
  });

  it('reads the default reply to a request with tools the same way (names and arguments)', async () => {
    const sdk = await readWithSdk(true, true);
    const ours = await readWithOurs(true, true);
    const strip = (reading: Reading) =>
      reading.calls.map(({ name, arguments: args }) => ({ name, args }));
    expect(strip(ours)).toEqual(strip(sdk));
    expect(strip(ours)).toEqual([{ name: 'get_weather', args: '{"city":"Paris"}' }]);
    expect(ours.text).toBe(sdk.text);
  });

  it("matches the SDK's own ChatCompletionStream helper's final message", async () => {
    server().enqueue({ ...PARALLEL, chunkSize: 1 }, PARALLEL);
    const client = new OpenAI({
      baseURL: `${server().url}/v1`,
      apiKey: 'sk-parity',
      maxRetries: 0,
    });
    const runner = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: PROMPT }],
    });
    const message = await runner.finalMessage();
    const ours = await readWithOurs(true, false);
    expect(ours.text).toBe(message.content);
    expect(ours.calls).toEqual(
      (message.tool_calls ?? []).flatMap((call) =>
        call.type === 'function'
          ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }]
          : [],
      ),
    );
  });
});
