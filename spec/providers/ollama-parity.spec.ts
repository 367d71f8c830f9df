import fc from 'fast-check';
import { Ollama as OfficialOllama, type ChatResponse, type Message } from 'ollama';
import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { Ollama } from '../../lib/providers/ollama/ollama.js';
import type { LoopbackServer, ReplyScript } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

/**
 * Parity with the official `ollama` client (ollama-js 0.6): both read the same scripted NDJSON
 * streams from the loopback twin, split at every byte and at other sizes, and must see the same
 * text, thinking, tool calls and usage; and both must send the same request for the same call.
 *
 * Request differences (normalised below): the official client sends `accept: application/json`
 * and a `user-agent: ollama-js/…` header; ours sends `accept: application/x-ndjson` for a
 * stream, and axios's own user agent.
 */
const KEY = 'parity-SECRET-key';
/**
 * Every reply closes its connection: a kept-alive socket the server closes between two tests
 * (after 50 ms idle) could otherwise be reused by the next request and reset.
 */
const CLOSE = { connection: 'close' } as const;
const loopback = useLoopbackServer({ apiKey: KEY });
let server: LoopbackServer;
let ours: Ollama;
let official: OfficialOllama;
beforeAll(() => {
  server = loopback();
  ours = new Ollama({ baseURL: `${server.url}/ollama`, apiKey: KEY });
  official = new OfficialOllama({
    host: `${server.url}/ollama`,
    headers: { authorization: `Bearer ${KEY}` },
  });
});

/** What a reader of the reply sees. */
interface Reading {
  readonly text: string;
  readonly thinking: string;
  readonly toolCalls: readonly {
    readonly name: string;
    readonly input: unknown;
    readonly id?: string;
  }[];
  readonly usage: { readonly prompt: number; readonly completion: number };
  readonly doneReason: string;
}

const question: Messages = [{ role: 'user', content: 'Weather in Zürich? 🌦' }];
const tool = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

async function readOurs(think: boolean): Promise<Reading> {
  const events: CompletionEvent[] = await lastValueFrom(
    ours.createCompletionEvents('qwen3', question, true, { think, tools: [tool] }).pipe(toArray()),
  );
  let text = '';
  let thinking = '';
  const toolCalls: { name: string; input: unknown; id?: string }[] = [];
  let usage = { prompt: -1, completion: -1 };
  let doneReason = '';
  for (const event of events) {
    if (event.type === 'text-delta') text += event.text;
    if (event.type === 'reasoning-delta') thinking += event.text;
    if (event.type === 'tool-call')
      toolCalls.push({ name: event.name, input: event.input, id: event.id });
    if (event.type === 'finish') doneReason = event.reason;
    if (event.type === 'usage') {
      usage = { prompt: event.usage.promptTokens, completion: event.usage.completionTokens };
    }
  }
  return { text, thinking, toolCalls, usage, doneReason };
}

async function readOfficial(think: boolean): Promise<Reading> {
  const stream = await official.chat({
    model: 'qwen3',
    messages: question as Message[],
    stream: true,
    think,
    tools: [{ type: 'function', function: tool }],
  });
  let text = '';
  let thinking = '';
  const toolCalls: { name: string; input: unknown; id?: string }[] = [];
  let last: ChatResponse | undefined;
  for await (const part of stream) {
    text += part.message.content;
    thinking += part.message.thinking ?? '';
    for (const call of part.message.tool_calls ?? []) {
      // The official types have no id; the wire may carry one (ours is `call_<index>` otherwise).
      const id = (call as { id?: string }).id ?? `call_${String(toolCalls.length)}`;
      toolCalls.push({ name: call.function.name, input: call.function.arguments, id });
    }
    last = part;
  }
  return {
    text,
    thinking,
    toolCalls,
    usage: { prompt: last?.prompt_eval_count ?? -1, completion: last?.eval_count ?? -1 },
    doneReason: last?.done_reason ?? '',
  };
}

const scripts: Record<string, ReplyScript> = {
  text: { text: 'Grüße aus Zürich — 18 °C, leicht bewölkt 🌦.' },
  thinking: { text: 'Sunny ☀.', reasoning: 'Zürich… let me check the forecast 🤔.' },
  'tool calls': {
    text: '',
    toolCalls: [
      { name: 'get_weather', arguments: '{"city":"Zürich"}' },
      { name: 'get_weather', arguments: '{"city":"Genève","days":2}', id: 'call_x7' },
    ],
  },
};

describe('Ollama and the official ollama client read the same streams alike', () => {
  for (const [name, script] of Object.entries(scripts)) {
    it(`${name}: split at every byte, and at 2, 3, 5, 16, 4096 bytes`, async () => {
      for (const chunkSize of [1, 2, 3, 5, 16, 4096]) {
        const scripted = { ...script, chunkSize, headers: CLOSE };
        server.enqueue(scripted, scripted);
        const mine = await readOurs(true);
        const theirs = await readOfficial(true);
        expect(mine, `chunkSize ${String(chunkSize)}`).toEqual(theirs);
        if (script.text !== undefined) expect(mine.text).toBe(script.text);
        if (script.reasoning !== undefined) expect(mine.thinking).toBe(script.reasoning);
      }
    });
  }

  it('the default reply (a call of the offered tool), split at random sizes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 64 }), async (chunkSize) => {
        server.enqueue({ chunkSize, headers: CLOSE }, { chunkSize, headers: CLOSE });
        const mine = await readOurs(false);
        const theirs = await readOfficial(false);
        expect(mine).toEqual(theirs);
        expect(mine.toolCalls[0]?.input).toEqual({ city: 'Weather in Zürich? 🌦' });
      }),
      { numRuns: 8 },
    );
  });

  it('tool call ids: the one on the wire, else call_<index>', async () => {
    server.enqueue({ ...scripts['tool calls'], headers: CLOSE });
    expect((await readOurs(false)).toolCalls.map((call) => call.id)).toEqual(['call_0', 'call_x7']);
  });

  it('sends the same request for the same call (headers that matter and JSON body)', async () => {
    const conversation: Messages = [
      { role: 'system', content: 'Be brief' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this? ' },
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
        ],
      },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{"city":"Bern"}' }],
      },
      { role: 'tool', toolCallId: 'c1', content: '{"celsius":12}' },
    ];
    server.enqueue({ headers: CLOSE }, { headers: CLOSE });
    await lastValueFrom(
      ours
        .createCompletionEvents('qwen3', conversation, true, {
          temperature: 0.2,
          maxTokens: 64,
          stop: ['END'],
          tools: [tool],
          responseFormat: { type: 'json', schema: { type: 'object' } },
          think: 'low',
          keepAlive: '5m',
        })
        .pipe(toArray()),
    );
    const stream = await official.chat({
      model: 'qwen3',
      messages: [
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'What is this? ', images: ['iVBORw0KGgo='] },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Bern' } } }],
        },
        { role: 'tool', content: '{"celsius":12}', tool_name: 'get_weather' },
      ],
      stream: true,
      options: { temperature: 0.2, num_predict: 64, stop: ['END'] },
      tools: [{ type: 'function', function: tool }],
      format: { type: 'object' },
      think: 'low',
      keep_alive: '5m',
    });
    const parts = [];
    for await (const part of stream) parts.push(part);
    expect(parts.at(-1)?.done).toBe(true);
    const [mine, theirs] = server.requests;
    expect(mine?.path).toBe(theirs?.path);
    expect(mine?.method).toBe(theirs?.method);
    expect(mine?.json()).toEqual(theirs?.json());
    for (const header of ['authorization', 'content-type']) {
      expect(mine?.headers[header], header).toBe(theirs?.headers[header]);
    }
    // The differences, as documented above.
    expect(mine?.headers.accept).toBe('application/x-ndjson');
    expect(theirs?.headers.accept).toBe('application/json');
    expect(theirs?.headers['user-agent']).toMatch(/^ollama-js\//);
  });
});
