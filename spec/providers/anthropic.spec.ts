import axios, { type AxiosInstance } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { Anthropic } from '../../lib/providers/anthropic/anthropic.js';
import type { AnthropicCompletionOptions } from '../../lib/providers/anthropic/anthropic-options.js';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';
import { collect } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const KEY = 'sk-ant-loopback-0123456789';
const server = useLoopbackServer({ apiKey: KEY });
const PATH = '/v1/messages';
const MODEL = 'claude-sonnet-4-5';
const hi: Messages = [{ role: 'user', content: 'Hi' }];
const encoder = new TextEncoder();

const claude = (config: ConstructorParameters<typeof Anthropic>[0] = {}) =>
  new Anthropic({ baseURL: server().url, apiKey: KEY, ...config });

const sse = (events: readonly Record<string, unknown>[]): Uint8Array =>
  encoder.encode(
    events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join(''),
  );
const START = { type: 'message_start', message: { usage: { input_tokens: 7, output_tokens: 1 } } };
const textBlock = (index: number, text: string) => [
  { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index, delta: { type: 'text_delta', text } },
  { type: 'content_block_stop', index },
];
const END = [
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } },
  { type: 'message_stop' },
];
const OVERLOADED = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Anthropic: the request', () => {
  it('POSTs /v1/messages with x-api-key, anthropic-version 2023-06-01, max_tokens 4096, stream', async () => {
    const { values, completed } = await collect(
      claude().createCompletion(MODEL, [{ role: 'system', content: 'Be brief.' }, ...hi], true),
    );
    expect(completed).toBe(true);
    const request = server().requests[0];
    expect(request?.path).toBe(PATH);
    expect(request?.headers).toMatchObject({
      'x-api-key': KEY,
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    });
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.json()).toEqual({
      model: MODEL,
      max_tokens: 4096,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    expect(values.join('')).toBe(
      composeDefaultReply({
        model: MODEL,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
      }),
    );
  });

  it('maps every message shape: images, tool calls, tool results merged into one user turn', async () => {
    const messages: Messages = [
      { role: 'system', content: 'A' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          { type: 'image', url: 'https://example.com/cat.jpg' },
        ],
      },
      {
        role: 'assistant',
        content: 'Let me add.',
        toolCalls: [
          { id: 'toolu_1', name: 'add', arguments: '{"a":2,"b":2}' },
          { id: 'toolu_2', name: 'now', arguments: '{}' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_1', content: '4' },
      { role: 'tool', toolCallId: 'toolu_2', content: 'noon' },
      { role: 'system', content: 'B' },
    ];
    const { error } = await collect(
      claude().createCompletion(MODEL, messages, false, {
        systemMessage: 'S',
        maxTokens: 100,
        temperature: 0.5,
        stop: 'END',
        tools: [{ name: 'add', description: 'Adds', parameters: { type: 'object' } }],
        toolChoice: { name: 'add' },
        responseFormat: { type: 'json', schema: { type: 'object' } },
        thinking: { budgetTokens: 2048 },
      }),
    );
    expect(error).toBeUndefined();
    expect(server().requests[0]?.json()).toEqual({
      model: MODEL,
      max_tokens: 100,
      system: [
        { type: 'text', text: 'S' },
        { type: 'text', text: 'A' },
        { type: 'text', text: 'B' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
            },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me add.' },
            { type: 'tool_use', id: 'toolu_1', name: 'add', input: { a: 2, b: 2 } },
            { type: 'tool_use', id: 'toolu_2', name: 'now', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '4' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: 'noon' },
          ],
        },
      ],
      temperature: 0.5,
      stop_sequences: ['END'],
      tools: [{ name: 'add', description: 'Adds', input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'add' },
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } } },
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
  });

  it.each([
    ['required', { type: 'any' }],
    ['none', { type: 'none' }],
    ['auto', { type: 'auto' }],
  ] as const)('toolChoice %s → %o', async (toolChoice, wire) => {
    server().enqueue({ path: PATH, text: 'ok' });
    const { error } = await collect(
      claude().createCompletion(MODEL, hi, true, {
        toolChoice,
        tools: [{ name: 'f', parameters: { type: 'object' } }],
      }),
    );
    expect(error).toBeUndefined();
    expect(server().requests[0]?.json()).toMatchObject({ tool_choice: wire });
  });

  it.each([
    [
      'tool-call arguments that are not JSON',
      {
        messages: [
          { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'f', arguments: '{x' }] },
        ] as Messages,
      },
      'messages[0].toolCalls[0].arguments',
    ],
    [
      'tool-call arguments that are not an object',
      {
        messages: [
          { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'f', arguments: '[1]' }] },
        ] as Messages,
      },
      'messages[0].toolCalls[0].arguments',
    ],
    [
      'a responseFormat without a schema',
      { options: { responseFormat: { type: 'json' } } },
      'responseFormat',
    ],
    [
      'an image in a system message',
      {
        messages: [
          { role: 'system', content: [{ type: 'image', url: 'https://example.com/a.png' }] },
          ...hi,
        ] as Messages,
      },
      'messages[0].content',
    ],
    [
      'a data: URL of another media type',
      {
        messages: [
          { role: 'user', content: [{ type: 'image', url: 'data:image/bmp;base64,Qk0=' }] },
        ] as Messages,
      },
      'messages[0].content[0].url',
    ],
    [
      'only system messages',
      { messages: [{ role: 'system', content: 'x' }] as Messages },
      'messages',
    ],
    [
      'a zero thinking budget',
      { options: { thinking: { budgetTokens: 0 } } },
      'thinking.budgetTokens',
    ],
  ] as [string, { messages?: Messages; options?: AnthropicCompletionOptions }, string][])(
    'refuses %s with InvalidRequestError, nothing sent',
    async (_, input, field) => {
      const before = countsOf(server());
      const { error } = await collect(
        claude().createCompletionEvents(MODEL, input.messages ?? hi, true, input.options ?? {}),
      );
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field, provider: 'Anthropic' });
      await expectNothingSent(server(), before, 'the refused request');
    },
  );

  it('refuses temperature with anthropic-version 2026-10-21 (it removed sampling parameters)', async () => {
    const provider = claude({ version: '2026-10-21' });
    const { error } = await collect(provider.createCompletion(MODEL, hi, true, { temperature: 0 }));
    expect(error).toMatchObject({ field: 'temperature' });
    await collect(provider.createCompletion(MODEL, hi, true));
    expect(server().requests[0]?.headers['anthropic-version']).toBe('2026-10-21');
  });

  it('ModelNotSupportedError only when models is configured', async () => {
    const { error } = await collect(
      claude({ models: ['claude-a'] }).createCompletion(MODEL, hi, true),
    );
    expect(ModelNotSupportedError.isInstance(error)).toBe(true);
    expect((await collect(claude().createCompletion('any-model', hi, true))).completed).toBe(true);
  });
});

/** An axios instance that sends every request to the loopback server, whatever its host. */
function toLoopback(): AxiosInstance {
  const instance = axios.create();
  instance.interceptors.request.use((config) => {
    const path = new URL(config.url ?? '/').pathname;
    return { ...config, url: `${server().url}${path}` };
  });
  return instance;
}

describe('ANTHROPIC_API_KEY goes to Anthropic only', () => {
  it('is sent to https://api.anthropic.com and to no other server', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', KEY);
    const official = new Anthropic({ axios: toLoopback() });
    expect((await collect(official.createCompletion(MODEL, hi, true))).completed).toBe(true);
    expect(server().requests[0]?.headers['x-api-key']).toBe(KEY);
    const other = new Anthropic({ baseURL: server().url });
    const { error } = await collect(other.createCompletion(MODEL, hi, true));
    expect(HttpStatusError.isInstance(error) && error.status).toBe(401);
    expect(server().requests[1]?.headers['x-api-key']).toBeUndefined();
  });
});

describe('Anthropic: the events', () => {
  it('reasoning, text, tool calls (index = ordinal among calls), finish, usage', async () => {
    server().enqueue({
      path: PATH,
      text: 'Adding now.',
      reasoning: 'Two plus two.',
      toolCalls: [
        { id: 'toolu_a', name: 'add', arguments: '{"a":2,"b":2}' },
        { name: 'now', arguments: '' },
      ],
      chunkSize: 5,
    });
    const { values, completed } = await collect(claude().createCompletionEvents(MODEL, hi, true));
    expect(completed).toBe(true);
    const of = <T extends CompletionEvent['type']>(type: T) =>
      values.filter((e): e is Extract<CompletionEvent, { type: T }> => e.type === type);
    expect(
      of('reasoning-delta')
        .map((e) => e.text)
        .join(''),
    ).toBe('Two plus two.');
    expect(
      of('text-delta')
        .map((e) => e.text)
        .join(''),
    ).toBe('Adding now.');
    expect(
      of('tool-call').map(({ index, id, name, input }) => ({ index, id, name, input })),
    ).toEqual([
      { index: 0, id: 'toolu_a', name: 'add', input: { a: 2, b: 2 } },
      { index: 1, id: 'toolu_loopback_02', name: 'now', input: {} },
    ]);
    expect(values.slice(-3).map((e) => e.type)).toEqual(['tool-call', 'finish', 'usage']);
    expect(of('finish')).toEqual([{ type: 'finish', reason: 'tool_use' }]);
    expect(of('usage')[0]?.usage).toEqual({ promptTokens: 1, completionTokens: 7, totalTokens: 8 });
  });

  it('the default reply calls the first tool offered until a tool result answers it', async () => {
    const tools = [
      { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    ];
    const first = await collect(claude().createCompletionEvents(MODEL, hi, true, { tools }));
    const call = first.values.find((e) => e.type === 'tool-call');
    expect(call).toMatchObject({ name: 'weather', input: { city: 'loopback' } });
    const answered: Messages = [
      ...hi,
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_loopback_01', name: 'weather', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'toolu_loopback_01', content: 'sunny' },
    ];
    const second = await collect(claude().createCompletionEvents(MODEL, answered, true, { tools }));
    expect(second.error).toBeUndefined();
    expect(second.values.some((e) => e.type === 'tool-call')).toBe(false);
    expect(second.values.find((e) => e.type === 'finish')).toEqual({
      type: 'finish',
      reason: 'end_turn',
    });
  });

  it('stream: false reads the Message JSON: the same events, one text-delta', async () => {
    server().enqueue({
      path: PATH,
      text: 'Whole reply',
      reasoning: 'Think',
      toolCalls: [{ id: 't1', name: 'f', arguments: '{"x":1}' }],
    });
    const { values } = await collect(claude().createCompletionEvents(MODEL, hi, false));
    expect(values).toEqual([
      { type: 'reasoning-delta', text: 'Think' },
      { type: 'text-delta', text: 'Whole reply' },
      { type: 'tool-call-delta', index: 0, id: 't1', name: 'f', argumentsDelta: '{"x":1}' },
      { type: 'tool-call', index: 0, id: 't1', name: 'f', arguments: '{"x":1}', input: { x: 1 } },
      { type: 'finish', reason: 'tool_use' },
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 4, totalTokens: 5 } },
    ]);
    expect(server().requests[0]?.json()).not.toHaveProperty('stream');
  });

  it('max_tokens and stop sequences give Anthropic stop reasons', async () => {
    server().enqueue({ path: PATH, text: 'one two three four' });
    const cut = await collect(claude().createCompletionEvents(MODEL, hi, true, { maxTokens: 2 }));
    expect(cut.values.find((e) => e.type === 'finish')).toEqual({
      type: 'finish',
      reason: 'max_tokens',
    });
    server().enqueue({ path: PATH, text: 'one two STOP three' });
    const stop = await collect(
      claude().createCompletionEvents(MODEL, hi, true, { stop: ['STOP'] }),
    );
    expect(stop.values.find((e) => e.type === 'finish')).toEqual({
      type: 'finish',
      reason: 'stop_sequence',
    });
  });

  it('usage counts cache tokens as prompt tokens', async () => {
    const start = {
      type: 'message_start',
      message: {
        usage: { input_tokens: 5, cache_creation_input_tokens: 10, cache_read_input_tokens: 20 },
      },
    };
    server().enqueue({ path: PATH, body: sse([start, ...textBlock(0, 'x'), ...END]) });
    const { values } = await collect(claude().createCompletionEvents(MODEL, hi, true));
    expect(values.at(-1)).toEqual({
      type: 'usage',
      usage: { promptTokens: 35, completionTokens: 3, totalTokens: 38 },
    });
  });

  it('skips ping, signature_delta and unknown event types', async () => {
    const body = sse([
      START,
      { type: 'ping' },
      { type: 'future_event', x: 1 },
      ...textBlock(0, 'ok'),
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 's' } },
      ...END,
    ]);
    server().enqueue({ path: PATH, body, chunkSize: 1 });
    const { values, completed } = await collect(claude().createCompletion(MODEL, hi, true));
    expect({ text: values.join(''), completed }).toEqual({ text: 'ok', completed: true });
  });
});

describe('Anthropic: errors', () => {
  it('a body without message_stop: the text, then StreamError truncated', async () => {
    server().enqueue({ path: PATH, text: 'cut here', omitDone: true });
    const { values, error } = await collect(claude().createCompletion(MODEL, hi, true));
    expect(values.join('')).toBe('cut here');
    expect(StreamError.isInstance(error) && error.kind).toBe('truncated');
  });

  it('an error event: the text before it, then StreamError with errorType overloaded_error', async () => {
    server().enqueue({
      path: PATH,
      text: 'one two three',
      streamError: { afterChunks: 2, message: 'Overloaded' },
    });
    const { values, error } = await collect(claude().createCompletion(MODEL, hi, true));
    expect(values.join('')).toBe('one two ');
    expect(error).toMatchObject({
      kind: 'server-error',
      errorType: 'overloaded_error',
      detail: 'Overloaded',
    });
  });

  it('retryCompletion retries an overloaded_error event before the first event, as a 529', async () => {
    server().enqueue(
      { path: PATH, body: sse([START, OVERLOADED]) },
      { path: PATH, status: 529 },
      { path: PATH, text: 'third time' },
    );
    const { values, completed } = await collect(
      claude()
        .createCompletion(MODEL, hi, true)
        .pipe(retryCompletion({ count: 2, delay: 0 })),
    );
    expect({ text: values.join(''), completed }).toEqual({ text: 'third time', completed: true });
    expect(server().requests).toHaveLength(3);
  });

  it('an HTTP error carries Anthropic error type and message', async () => {
    server().enqueue({ path: PATH, status: 529 });
    const { error } = await collect(claude().createCompletion(MODEL, hi, true));
    expect(error).toMatchObject({ status: 529, errorType: 'overloaded_error' });
  });

  it('the loopback twin refuses a body without max_tokens and a request without anthropic-version', async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${server().url}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': KEY, ...headers },
        body: JSON.stringify(body),
      });
    const noMax = await post({ 'anthropic-version': '2023-06-01' }, { model: 'c', messages: hi });
    expect(noMax.status).toBe(400);
    expect(await noMax.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
    });
    const noVersion = await post({}, { model: 'c', max_tokens: 5, messages: hi });
    expect(noVersion.status).toBe(400);
  });
});
