import { Agent } from 'node:http';
import axios from 'axios';
import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { Ollama } from '../../lib/providers/ollama/ollama.js';
import type { LoopbackServer } from '../../lib/testing/index.js';
import { collect } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const KEY = 'ollama-proxy-SECRET-7';
const messages: Messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
const loopback = useLoopbackServer({ apiKey: KEY });
// A new connection per request: a kept-alive socket the server closes between two tests (after
// 50 ms idle) could otherwise be reused by the next request and reset (ECONNRESET).
const fresh = axios.create({ httpAgent: new Agent({ keepAlive: false }) });
let server: LoopbackServer;
let ollama: Ollama;
beforeAll(() => {
  server = loopback();
  ollama = new Ollama({ baseURL: `${server.url}/ollama`, apiKey: KEY, axios: fresh });
});

const events = (observable: ReturnType<Ollama['createCompletionEvents']>) =>
  lastValueFrom(observable.pipe(toArray()));
const ofType = <T extends CompletionEvent['type']>(all: readonly CompletionEvent[], type: T) =>
  all.filter((event): event is Extract<CompletionEvent, { type: T }> => event.type === type);

const weather = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
} as const;

describe('Ollama against the loopback /ollama/api/chat', () => {
  it('defaults to the local server, http://127.0.0.1:11434, with no key', () => {
    expect(new Ollama().url).toBe('http://127.0.0.1:11434');
    expect(new Ollama({ baseURL: 'http://host:1/' }).url).toBe('http://host:1');
  });

  it('streams the text, then the finish reason and the usage', async () => {
    server.enqueue({ text: 'Hello from Ollama, world', chunkSize: 1 });
    const all = await events(ollama.createCompletionEvents('llama3.2', messages, true));
    expect(
      ofType(all, 'text-delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('Hello from Ollama, world');
    expect(all.slice(-2)).toEqual([
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 6, completionTokens: 4, totalTokens: 10 } },
    ]);
  });

  it('sends the request Ollama takes: messages, stream, options, tools, format, think, keep_alive', async () => {
    await collect(
      ollama.createCompletion(
        'qwen3',
        [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Look: ' },
              { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
            ],
          },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
          },
          { role: 'tool', toolCallId: 'c1', content: '18°C' },
        ],
        true,
        {
          systemMessage: 'Be brief',
          temperature: 0.3,
          maxTokens: 50,
          stop: '\n\n',
          tools: [weather],
          responseFormat: { type: 'json', schema: { type: 'object' } },
          think: true,
          keepAlive: '10m',
          body: { options: { seed: 7, temperature: 99 }, logprobs: false },
        },
      ),
    );
    const [request] = server.requests;
    expect(request?.path).toBe('/ollama/api/chat');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json()).toEqual({
      logprobs: false,
      model: 'qwen3',
      messages: [
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'Look: ', images: ['iVBORw0KGgo='] },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
        },
        { role: 'tool', content: '18°C', tool_name: 'get_weather' },
      ],
      stream: true,
      options: { seed: 7, temperature: 0.3, num_predict: 50, stop: ['\n\n'] },
      tools: [{ type: 'function', function: weather }],
      format: { type: 'object' },
      think: true,
      keep_alive: '10m',
    });
  });

  it('streams thinking as reasoning-delta events before the text', async () => {
    server.enqueue({ text: 'Sunny.', reasoning: 'Let me think about Paris.', chunkSize: 3 });
    const all = await events(
      ollama.createCompletionEvents('qwen3', messages, true, { think: true }),
    );
    const reasoning = ofType(all, 'reasoning-delta').map((event) => event.text);
    expect(reasoning.join('')).toBe('Let me think about Paris.');
    expect(all.findIndex((event) => event.type === 'reasoning-delta')).toBe(0);
    expect(all.findIndex((event) => event.type === 'text-delta')).toBe(reasoning.length);
  });

  it('gives tool calls: one tool-call-delta each, arguments as JSON text, then complete tool-call events', async () => {
    server.enqueue({
      text: '',
      toolCalls: [
        { name: 'get_weather', arguments: '{"city":"Paris"}' },
        { name: 'get_weather', arguments: '{"city":"Oslo"}', id: 'call_abc' },
      ],
      chunkSize: 2,
    });
    const all = await events(
      ollama.createCompletionEvents('llama3.2', messages, true, { tools: [weather] }),
    );
    expect(ofType(all, 'tool-call-delta')).toEqual([
      {
        type: 'tool-call-delta',
        index: 0,
        name: 'get_weather',
        argumentsDelta: '{"city":"Paris"}',
      },
      {
        type: 'tool-call-delta',
        index: 1,
        id: 'call_abc',
        name: 'get_weather',
        argumentsDelta: '{"city":"Oslo"}',
      },
    ]);
    expect(ofType(all, 'tool-call').map(({ id, name, input }) => ({ id, name, input }))).toEqual([
      { id: 'call_0', name: 'get_weather', input: { city: 'Paris' } },
      { id: 'call_abc', name: 'get_weather', input: { city: 'Oslo' } },
    ]);
    expect(all.findIndex((event) => event.type === 'finish')).toBeGreaterThan(
      all.findIndex((event) => event.type === 'tool-call'),
    );
  });

  it('by default calls the first tool offered until a tool result answers', async () => {
    const first = await events(
      ollama.createCompletionEvents('llama3.2', messages, true, { tools: [weather] }),
    );
    const [call] = ofType(first, 'tool-call');
    expect(call).toMatchObject({ name: 'get_weather', input: { city: messages[0]?.content } });
    const answered: Messages = [
      ...messages,
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: call?.id ?? '', name: 'get_weather', arguments: call?.arguments ?? '' }],
      },
      { role: 'tool', toolCallId: call?.id ?? '', content: '18°C' },
    ];
    const second = await events(
      ollama.createCompletionEvents('llama3.2', answered, true, { tools: [weather] }),
    );
    expect(ofType(second, 'tool-call')).toEqual([]);
    expect(ofType(second, 'text-delta').length).toBeGreaterThan(0);
  });

  it('answers stream: false with one JSON object: one text-delta, finish, usage', async () => {
    server.enqueue({ text: 'Whole reply here', reasoning: 'Hmm.' });
    const all = await events(ollama.createCompletionEvents('llama3.2', messages, false));
    expect(all).toEqual([
      { type: 'reasoning-delta', text: 'Hmm.' },
      { type: 'text-delta', text: 'Whole reply here' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 6, completionTokens: 4, totalTokens: 10 } },
    ]);
    expect(server.requests[0]?.json()).toMatchObject({ stream: false });
    expect(
      await lastValueFrom(ollama.createCompletion('m', messages, false).pipe(toArray())),
    ).toHaveLength(1);
  });

  it('takes the options-object form', async () => {
    server.enqueue({ text: 'Hi there' });
    const text = await lastValueFrom(
      ollama.createCompletion({ model: 'llama3.2', prompt: 'Hi' }).pipe(toArray()),
    );
    expect(text.join('')).toBe('Hi there');
    expect(server.requests[0]?.json()).toMatchObject({
      stream: true,
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  it('reports max tokens as done_reason length', async () => {
    const all = await events(
      ollama.createCompletionEvents('llama3.2', messages, true, { maxTokens: 2 }),
    );
    expect(ofType(all, 'text-delta')).toHaveLength(2);
    expect(ofType(all, 'finish')).toEqual([{ type: 'finish', reason: 'length' }]);
  });

  it('turns an {"error"} line into StreamError server-error after the text before it', async () => {
    server.enqueue({
      text: 'one two three',
      streamError: { afterChunks: 2, message: 'model crashed' },
    });
    const result = await collect(ollama.createCompletion('llama3.2', messages, true));
    expect(result.values.join('')).toBe('one two ');
    expect(result.error).toBeInstanceOf(StreamError);
    expect(result.error).toMatchObject({ kind: 'server-error', detail: 'model crashed' });
  });

  it('turns a stream without done: true into StreamError truncated after its text', async () => {
    server.enqueue({ text: 'cut short', omitDone: true });
    const result = await collect(ollama.createCompletion('llama3.2', messages, true));
    expect(result.values.join('')).toBe('cut short');
    expect(result.error).toMatchObject({ kind: 'truncated' });
  });

  it('turns a line that is not JSON into StreamError invalid-json after the text before it', async () => {
    server.enqueue({
      chunks: ['{"message":{"role":"assistant","content":"Hi"},"done":false}\n', 'oops\n'],
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const result = await collect(ollama.createCompletion('llama3.2', messages, true));
    expect(result.values).toEqual(['Hi']);
    expect(result.error).toMatchObject({ kind: 'invalid-json', excerpt: 'oops' });
  });

  it('bounds a line by maxLineSize (event-too-large)', async () => {
    const small = new Ollama({
      baseURL: `${server.url}/ollama`,
      apiKey: KEY,
      maxLineSize: 64,
      axios: fresh,
    });
    server.enqueue({ text: 'x'.repeat(200) });
    const result = await collect(small.createCompletion('llama3.2', messages, true));
    expect(result.error).toMatchObject({ kind: 'event-too-large' });
  });

  it('gives an HTTP error status as HttpStatusError with the server\'s {"error"} message', async () => {
    server.enqueue({
      status: 404,
      text: '{"error":"model \\"nope\\" not found, try pulling it first"}',
    });
    const result = await collect(ollama.createCompletion('nope', messages, true));
    expect(result.error).toBeInstanceOf(HttpStatusError);
    expect(result.error).toMatchObject({
      status: 404,
      serverMessage: 'model "nope" not found, try pulling it first',
    });
  });

  it('gets 401 without the key, and the key is in no error', async () => {
    const keyless = new Ollama({ baseURL: `${server.url}/ollama`, axios: fresh });
    const result = await collect(keyless.createCompletion('llama3.2', messages, true));
    expect(result.error).toMatchObject({ status: 401, serverMessage: 'unauthorized' });
    server.enqueue({ status: 500, text: `{"error":"bad key ${KEY}"}` });
    const echoed = await collect(ollama.createCompletion('llama3.2', messages, true));
    expect(String(echoed.error)).not.toContain(KEY);
    expect(JSON.stringify(echoed.error)).not.toContain(KEY);
  });

  it('refuses what Ollama cannot carry with InvalidRequestError on subscribe, sending nothing', async () => {
    const before = countsOf(server);
    const cases: [Messages, object, string][] = [
      [
        [{ role: 'user', content: [{ type: 'image', url: 'https://example.com/cat.png' }] }],
        {},
        'messages[0].content[0].url',
      ],
      [[{ role: 'tool', toolCallId: 'unknown', content: '4' }], {}, 'messages[0].toolCallId'],
      [
        [{ role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'f', arguments: '[1]' }] }],
        {},
        'messages[0].toolCalls[0].arguments',
      ],
      [messages, { tools: [weather], toolChoice: 'required' }, 'toolChoice'],
      [messages, { tools: [weather], toolChoice: { name: 'get_weather' } }, 'toolChoice'],
      [messages, { think: 'max' }, 'think'],
      [messages, { keepAlive: Number.NaN }, 'keepAlive'],
    ];
    for (const [conversation, options, field] of cases) {
      const result = await collect(
        ollama.createCompletion('llama3.2', conversation, true, options),
      );
      expect(result.error).toBeInstanceOf(InvalidRequestError);
      expect(result.error).toMatchObject({ field });
    }
    await expectNothingSent(server, before, 'a refused request');
  });

  it("toolChoice 'none' sends no tools; 'auto' sends them", async () => {
    await collect(
      ollama.createCompletion('llama3.2', messages, true, { tools: [weather], toolChoice: 'none' }),
    );
    await collect(
      ollama.createCompletion('llama3.2', messages, true, { tools: [weather], toolChoice: 'auto' }),
    );
    expect(server.requests[0]?.json()).not.toHaveProperty('tools');
    expect(server.requests[1]?.json()).toHaveProperty('tools');
  });

  it("responseFormat {type:'json'} is format: 'json'; a data: URL's base64 is sent without white space", async () => {
    await collect(
      ollama.createCompletion(
        'llama3.2',
        [
          {
            role: 'user',
            content: [{ type: 'image', url: 'data:image/png;base64,iVBO\nRw0KGgo=' }],
          },
        ],
        true,
        { responseFormat: { type: 'json' } },
      ),
    );
    expect(server.requests[0]?.json()).toMatchObject({
      format: 'json',
      messages: [{ role: 'user', content: '', images: ['iVBORw0KGgo='] }],
    });
  });

  it('refuses a model outside models with ModelNotSupportedError, only when models is given', async () => {
    const limited = new Ollama({ baseURL: `${server.url}/ollama`, models: ['llama3.2'] });
    const result = await collect(limited.createCompletion('gpt-4', messages, true));
    expect(result.error).toBeInstanceOf(ModelNotSupportedError);
    expect(limited.supportsModel('llama3.2')).toBe(true);
    expect(ollama.supportsModel('anything')).toBe(true);
  });
});
