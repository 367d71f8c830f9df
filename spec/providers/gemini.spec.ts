import { firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ContentBlockedError,
  Gemini,
  HttpStatusError,
  InvalidRequestError,
  ModelNotSupportedError,
  StreamError,
} from '../../lib/index.js';
import { collect, collectCompleted } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const KEY = 'gm-secret-key-123';
const server = useLoopbackServer({ apiKey: KEY });
const gemini = (): Gemini => new Gemini({ baseURL: `${server().url}/v1beta`, apiKey: KEY });
const user = (content: string) => [{ role: 'user' as const, content }];
const sse = (...responses: unknown[]): string[] =>
  responses.map((response) => `data: ${JSON.stringify(response)}\r\n\r\n`);
const textResponse = (text: string, finishReason?: string, extra: object = {}) => ({
  candidates: [
    { content: { role: 'model', parts: [{ text }] }, ...(finishReason ? { finishReason } : {}) },
  ],
  ...extra,
});

describe('Gemini against the loopback twin', () => {
  it('streams the default reply, posting to :streamGenerateContent?alt=sse with x-goog-api-key', async () => {
    const text = (
      await collectCompleted(gemini().createCompletion('gemini-2.5-flash', user('Hello'), true))
    ).join('');
    expect(text).toContain('## About "Hello"');
    expect(text).toContain('`gemini-2.5-flash`');
    const [request] = server().requests;
    expect(request?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(request?.headers['x-goog-api-key']).toBe(KEY);
    expect(request?.path).not.toContain(KEY);
    expect(request?.json()).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] });
  });

  it('emits finish and one usage at the end, usage counting thoughts as completion tokens', async () => {
    server().enqueue({ text: 'one two three', reasoning: 'think hard' });
    const events = await collectCompleted(
      gemini().createCompletionEvents('gemini-2.5-flash', user('Hi'), true, {
        thinking: { budget: 64 },
      }),
    );
    expect(
      events
        .filter((e) => e.type === 'reasoning-delta')
        .map((e) => e.text)
        .join(''),
    ).toBe('think hard');
    expect(
      events
        .filter((e) => e.type === 'text-delta')
        .map((e) => e.text)
        .join(''),
    ).toBe('one two three');
    expect(events.slice(-2)).toEqual([
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 5, totalTokens: 6 } },
    ]);
    expect(
      (server().requests[0]?.json() as { generationConfig: unknown }).generationConfig,
    ).toEqual({
      thinkingConfig: { includeThoughts: true, thinkingBudget: 64 },
    });
  });

  it('stream: false posts to :generateContent and emits the whole text once', async () => {
    server().enqueue({ text: 'whole reply here' });
    const chunks = await collectCompleted(
      gemini().createCompletion('gemini-2.5-flash', user('Hi'), false),
    );
    expect(chunks).toEqual(['whole reply here']);
    expect(server().requests[0]?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  });

  it('maps maxTokens, stop, temperature and a MAX_TOKENS finish to length', async () => {
    server().enqueue({ text: 'a b c d e f' });
    const events = await collectCompleted(
      gemini().createCompletionEvents('g', user('Hi'), true, {
        maxTokens: 2,
        stop: 'END',
        temperature: 0.5,
      }),
    );
    expect(events.find((e) => e.type === 'finish')).toEqual({ type: 'finish', reason: 'length' });
    expect(
      (server().requests[0]?.json() as { generationConfig: unknown }).generationConfig,
    ).toEqual({
      temperature: 0.5,
      maxOutputTokens: 2,
      stopSequences: ['END'],
    });
  });

  it('calls the first tool by default; the call gets id call_0 and its parsed input', async () => {
    const tools = [
      {
        name: 'get_weather',
        description: 'Weather',
        parameters: { type: 'object', properties: {} },
      },
    ];
    const events = await collectCompleted(
      gemini().createCompletionEvents('g', user('Weather?'), true, {
        tools,
        toolChoice: { name: 'get_weather' },
      }),
    );
    const calls = events.filter((e) => e.type === 'tool-call');
    expect(calls).toEqual([
      {
        type: 'tool-call',
        index: 0,
        id: 'call_0',
        name: 'get_weather',
        arguments: '{}',
        input: {},
      },
    ]);
    expect(events.find((e) => e.type === 'finish')).toEqual({
      type: 'finish',
      reason: 'tool_calls',
    });
    const body = server().requests[0]?.json() as Record<string, unknown>;
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather',
            parametersJsonSchema: { type: 'object', properties: {} },
          },
        ],
      },
    ]);
    expect(body.toolConfig).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    });
  });

  it('sends a whole conversation (image, tool call, tool result) the twin accepts, and answers text', async () => {
    const events = await collectCompleted(
      gemini().createCompletionEvents(
        'g',
        [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather here?' },
              { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
            ],
          },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"city":"Oslo"}' }],
          },
          { role: 'tool', toolCallId: 'c1', content: '{"celsius":4}' },
        ],
        true,
        { tools: [{ name: 'weather', parameters: { type: 'object' } }] },
      ),
    );
    expect(events.some((e) => e.type === 'tool-call')).toBe(false);
    expect(events.find((e) => e.type === 'finish')).toEqual({ type: 'finish', reason: 'stop' });
    const body = server().requests[0]?.json() as { contents: unknown[] };
    expect(body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'Weather here?' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
        ],
      },
      {
        role: 'model',
        parts: [{ functionCall: { id: 'c1', name: 'weather', args: { city: 'Oslo' } } }],
      },
      {
        role: 'user',
        parts: [{ functionResponse: { id: 'c1', name: 'weather', response: { celsius: 4 } } }],
      },
    ]);
  });

  it('keeps the ids Gemini gives and emits each whole call as one delta', async () => {
    server().enqueue({
      toolCalls: [
        { id: 'fc-1', name: 'a', arguments: '{"x":1}' },
        { name: 'b', arguments: '{"y":[2]}' },
      ],
    });
    const events = await collectCompleted(gemini().createCompletionEvents('g', user('Hi'), true));
    expect(events.filter((e) => e.type === 'tool-call-delta')).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'fc-1', name: 'a', argumentsDelta: '{"x":1}' },
      { type: 'tool-call-delta', index: 1, name: 'b', argumentsDelta: '{"y":[2]}' },
    ]);
    expect(events.filter((e) => e.type === 'tool-call').map((e) => [e.id, e.input])).toEqual([
      ['fc-1', { x: 1 }],
      ['call_1', { y: [2] }],
    ]);
  });

  it('a stream that ends with no finishReason is a StreamError truncated, after the text', async () => {
    server().enqueue({ text: 'cut here', omitDone: true });
    const result = await collect(gemini().createCompletion('g', user('Hi'), true));
    expect(result.values.join('')).toBe('cut here');
    expect(StreamError.isInstance(result.error) && result.error.kind).toBe('truncated');
  });

  it('an error event in the stream is a StreamError server-error with its message', async () => {
    server().enqueue({ text: 'a b c', streamError: { afterChunks: 2, message: 'Overloaded' } });
    const result = await collect(gemini().createCompletion('g', user('Hi'), true));
    expect(result.values).toEqual(['a ', 'b ']);
    expect(
      StreamError.isInstance(result.error) && [result.error.kind, result.error.detail],
    ).toEqual(['server-error', 'Overloaded']);
  });

  it('an HTTP error reads Google error JSON into HttpStatusError', async () => {
    server().enqueue({ status: 429, statusText: 'Quota exceeded' });
    const result = await collect(gemini().createCompletion('g', user('Hi'), true));
    expect(HttpStatusError.isInstance(result.error)).toBe(true);
    const error = result.error as HttpStatusError;
    expect([error.status, error.serverMessage, error.errorType, error.errorCode]).toEqual([
      429,
      'Quota exceeded',
      'RESOURCE_EXHAUSTED',
      '429',
    ]);
  });

  it('a wrong key is refused 400 by the twin and the error never shows the key', async () => {
    const wrong = new Gemini({ baseURL: `${server().url}/v1beta`, apiKey: 'wrong-key-456' });
    const result = await collect(wrong.createCompletion('g', user('Hi'), true));
    expect((result.error as HttpStatusError).status).toBe(400);
    expect(JSON.stringify(result.error)).not.toContain('wrong-key-456');
  });

  it('a blocked prompt is a ContentBlockedError naming the reason and the categories', async () => {
    server().enqueue({
      chunks: sse({
        promptFeedback: {
          blockReason: 'SAFETY',
          safetyRatings: [
            { category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true },
            { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
          ],
        },
      }),
    });
    const result = await collect(gemini().createCompletion('g', user('Hi'), true));
    expect(ContentBlockedError.isInstance(result.error)).toBe(true);
    const error = result.error as ContentBlockedError;
    expect([error.blocked, error.reason, error.categories]).toEqual([
      'prompt',
      'SAFETY',
      ['HARM_CATEGORY_HARASSMENT'],
    ]);
    expect(error.message).toBe('Gemini blocked the prompt (SAFETY): HARM_CATEGORY_HARASSMENT');
  });

  it('a reply stopped for PROHIBITED_CONTENT errors after the text before it', async () => {
    server().enqueue({
      chunks: sse(textResponse('Sure, '), textResponse('here', 'PROHIBITED_CONTENT')),
    });
    const result = await collect(gemini().createCompletion('g', user('Hi'), true));
    expect(result.values).toEqual(['Sure, ', 'here']);
    expect((result.error as ContentBlockedError).reason).toBe('PROHIBITED_CONTENT');
    expect((result.error as ContentBlockedError).blocked).toBe('response');
  });

  it('usage is the last usageMetadata reported, emitted once', async () => {
    const usage = (c: number) => ({
      usageMetadata: { promptTokenCount: 3, candidatesTokenCount: c, totalTokenCount: 3 + c },
    });
    server().enqueue({
      chunks: sse(textResponse('a', undefined, usage(1)), textResponse('b', 'STOP', usage(2))),
    });
    const events = await collectCompleted(gemini().createCompletionEvents('g', user('Hi'), true));
    expect(events.filter((e) => e.type === 'usage')).toEqual([
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
    ]);
  });

  it('a data: that is not JSON is a StreamError invalid-json', async () => {
    server().enqueue({ chunks: ['data: {oops\r\n\r\n'] });
    const result = await collect(gemini().createCompletion('g', user('Hi'), true));
    expect(StreamError.isInstance(result.error) && result.error.kind).toBe('invalid-json');
  });

  it('ModelNotSupportedError only when models is configured', async () => {
    const limited = new Gemini({
      baseURL: `${server().url}/v1beta`,
      apiKey: KEY,
      models: ['gemini-2.5-pro'],
    });
    const result = await collect(limited.createCompletion('gemini-2.5-flash', user('Hi'), true));
    expect(result.error).toBeInstanceOf(ModelNotSupportedError);
    expect(server().requests).toHaveLength(0);
  });

  it('takes the options-object form with prompt', async () => {
    server().enqueue({ text: 'object form' });
    const text = await firstValueFrom(
      gemini().createCompletion({ model: 'g', prompt: 'Hi' }).pipe(toArray()),
    );
    expect(text.join('')).toBe('object form');
  });

  it('a bad thinking budget is an InvalidRequestError on subscribe, nothing sent', async () => {
    const result = await collect(
      gemini().createCompletion('g', user('Hi'), true, { thinking: { budget: 1.5 } }),
    );
    expect(InvalidRequestError.isInstance(result.error) && result.error.field).toBe(
      'thinking.budget',
    );
    expect(server().requests).toHaveLength(0);
  });

  it('the twin refuses a malformed body with 400 INVALID_ARGUMENT', async () => {
    const response = await fetch(`${server().url}/v1beta/models/g:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 400, status: 'INVALID_ARGUMENT' },
    });
  });

  it('the twin answers 403 PERMISSION_DENIED without a key', async () => {
    const response = await fetch(`${server().url}/v1beta/models/g:streamGenerateContent?alt=sse`, {
      method: 'POST',
      body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { status: 'PERMISSION_DENIED' } });
  });
});
