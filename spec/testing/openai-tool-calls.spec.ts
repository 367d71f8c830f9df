import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

import type { ChatMessage } from '../../lib/messages/chat-message.js';
import { toolCalls } from '../../lib/operators/tool-calls.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { ToolDefinition } from '../../lib/tools/tool-definition.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';
import { completionBody, postCompletions, sseData } from './openai-client.js';

// A connection idle for 50 ms (the helper's default) is closed, and one opened under load may
// wait that long before its request is written: give it time.
const server = useLoopbackServer({ keepAliveTimeoutMs: 400 });

const WEATHER = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { type: 'integer', minimum: 1 },
      },
      required: ['city', 'unit', 'days'],
    },
  },
};

interface WireDelta {
  readonly role?: string;
  readonly content?: string | null;
  readonly reasoning_content?: string;
  readonly reasoning?: string;
  readonly tool_calls?: readonly {
    readonly index: number;
    readonly id?: string;
    readonly type?: string;
    readonly function: { readonly name?: string; readonly arguments: string };
  }[];
}
interface WireChunk {
  readonly choices: readonly { readonly delta: WireDelta; readonly finish_reason: string | null }[];
}

async function streamed(body: Record<string, unknown> = {}): Promise<WireChunk[]> {
  const response = await postCompletions(server(), completionBody(body));
  expect(response.status).toBe(200);
  return sseData(await response.text())
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as WireChunk);
}

async function whole(body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await postCompletions(server(), completionBody({ ...body, stream: false }));
  expect(response.status).toBe(200);
  const json = (await response.json()) as {
    choices: { message: Record<string, unknown>; finish_reason: string }[];
  };
  return { ...json.choices[0]?.message, finish_reason: json.choices[0]?.finish_reason };
}

const deltas = (chunks: readonly WireChunk[]): WireDelta[] =>
  chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));

describe('scripted tool calls and reasoning on /v1/chat/completions', () => {
  it('streams reasoning, text, then each call: id and name first, arguments in pieces', async () => {
    server().enqueue({
      reasoning: 'Let me look.',
      text: 'Checking.',
      toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      argumentsChunkSize: 5,
    });
    const chunks = await streamed();
    const all = deltas(chunks);
    expect(all[0]).toEqual({ role: 'assistant', content: '' });
    expect(all.map((delta) => delta.reasoning_content ?? '').join('')).toBe('Let me look.');
    expect(all.map((delta) => delta.content ?? '').join('')).toBe('Checking.');
    expect(all.flatMap((delta) => delta.tool_calls ?? [])).toEqual([
      {
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
      { index: 0, function: { arguments: '{"cit' } },
      { index: 0, function: { arguments: 'y":"P' } },
      { index: 0, function: { arguments: 'aris"' } },
      { index: 0, function: { arguments: '}' } },
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('interleaves parallel calls when asked, and names a call without id', async () => {
    server().enqueue({
      toolCalls: [
        { name: 'a', arguments: '{"x":1}' },
        { id: 'call_b', name: 'b', arguments: '{"y":2}' },
      ],
      argumentsChunkSize: 4,
      interleaveToolCalls: true,
      reasoning: 'Two at once.',
      reasoningField: 'reasoning',
    });
    const all = deltas(await streamed());
    expect(all[0]).toEqual({ role: 'assistant', content: null });
    expect(all.map((delta) => delta.reasoning ?? '').join('')).toBe('Two at once.');
    const calls = all.flatMap((delta) => delta.tool_calls ?? []);
    expect(calls.map((call) => call.index)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(calls[0]?.id).toMatch(/^call_[0-9a-f]{24}$/u);
    expect(calls[1]?.id).toBe('call_b');
  });

  it('sends the same reply whole with stream: false (content null when it only calls tools)', async () => {
    server().enqueue({
      reasoning: 'Hm.',
      toolCalls: [{ id: 'call_1', name: 'f', arguments: '{}' }],
    });
    expect(await whole()).toEqual({
      role: 'assistant',
      content: null,
      reasoning_content: 'Hm.',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      refusal: null,
      finish_reason: 'tool_calls',
    });
  });

  it('uses the scripted finishReason', async () => {
    server().enqueue({ text: 'Cut', finishReason: 'content_filter' });
    expect((await whole()).finish_reason).toBe('content_filter');
  });

  it.each([
    [{ argumentsChunkSize: 0 }, /argumentsChunkSize/u],
    [{ toolCalls: [{ name: '', arguments: '{}' }] }, /toolCalls\[0\]\.name/u],
    [
      { toolCalls: [{ name: 'f', arguments: {} as unknown as string }] },
      /toolCalls\[0\]\.arguments/u,
    ],
  ])('refuses the script %j', (script, reason) => {
    expect(() => {
      server().enqueue(script);
    }).toThrow(reason);
  });
});

const call = (id: string, name = 'get_weather', args = '{}') => ({
  id,
  type: 'function',
  function: { name, arguments: args },
});

describe('what /v1/chat/completions refuses (400, OpenAI error JSON)', () => {
  it.each([
    ['tools not an array', { tools: {} }, 'tools'],
    ['tools empty', { tools: [] }, 'tools'],
    [
      'a tool of another type',
      { tools: [{ type: 'code', function: { name: 'f' } }] },
      'tools[0].type',
    ],
    ['a tool without function', { tools: [{ type: 'function' }] }, 'tools[0].function'],
    [
      'a tool without name',
      { tools: [{ type: 'function', function: {} }] },
      'tools[0].function.name',
    ],
    [
      'a tool name with spaces',
      { tools: [{ type: 'function', function: { name: 'get weather' } }] },
      'tools[0].function.name',
    ],
    [
      'parameters not an object',
      { tools: [{ type: 'function', function: { name: 'f', parameters: [] } }] },
      'tools[0].function.parameters',
    ],
    ['two tools of one name', { tools: [WEATHER, WEATHER] }, 'tools'],
    ['tool_choice without tools', { tool_choice: 'auto' }, 'tool_choice'],
    ['tool_choice unknown', { tools: [WEATHER], tool_choice: 'any' }, 'tool_choice'],
    [
      'tool_choice naming no tool',
      { tools: [WEATHER], tool_choice: { type: 'function', function: { name: 'f' } } },
      'tool_choice',
    ],
    [
      'response_format of another type',
      { response_format: { type: 'xml' } },
      'response_format.type',
    ],
    [
      'json_schema missing',
      { response_format: { type: 'json_schema' } },
      'response_format.json_schema',
    ],
    [
      'json_schema without name',
      { response_format: { type: 'json_schema', json_schema: { schema: {} } } },
      'response_format.json_schema.name',
    ],
    [
      'json_schema schema not an object',
      { response_format: { type: 'json_schema', json_schema: { name: 'r', schema: 'x' } } },
      'response_format.json_schema.schema',
    ],
  ])('%s', async (_, fields, param) => {
    const response = await postCompletions(server(), completionBody(fields));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; type: string } };
    expect(error).toMatchObject({ param, type: 'invalid_request_error' });
  });

  const user = { role: 'user', content: 'Weather?' };
  it.each([
    [
      'tool_calls not an array',
      [user, { role: 'assistant', content: null, tool_calls: {} }],
      'messages[1].tool_calls',
    ],
    [
      'a call without id',
      [
        user,
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
      ],
      'messages[1].tool_calls[0].id',
    ],
    [
      'a call whose arguments are an object',
      [
        user,
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ ...call('c'), function: { name: 'f', arguments: {} } }],
        },
      ],
      'messages[1].tool_calls[0].function.arguments',
    ],
    [
      'tool_calls on a user message',
      [{ ...user, tool_calls: [call('c')] }],
      'messages[0].tool_calls',
    ],
    [
      'a tool message without tool_call_id',
      [
        user,
        { role: 'assistant', content: null, tool_calls: [call('c')] },
        { role: 'tool', content: '1' },
      ],
      'messages[2].tool_call_id',
    ],
    [
      'a tool message answering no call',
      [user, { role: 'tool', tool_call_id: 'c', content: '1' }],
      'messages.[1].role',
    ],
    [
      'a tool message answering another id',
      [
        user,
        { role: 'assistant', content: null, tool_calls: [call('c')] },
        { role: 'tool', tool_call_id: 'd', content: '1' },
      ],
      'messages.[2].role',
    ],
    [
      'a call left unanswered',
      [
        user,
        { role: 'assistant', content: null, tool_calls: [call('c'), call('d')] },
        { role: 'tool', tool_call_id: 'c', content: '1' },
        user,
      ],
      'messages.[1].role',
    ],
    [
      'an image_url that is not a URL',
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'cat.png' } }] }],
      'messages[0].content[0].image_url.url',
    ],
    [
      'an image_url without object',
      [{ role: 'user', content: [{ type: 'image_url', image_url: 'https://x/cat.png' }] }],
      'messages[0].content[0].image_url',
    ],
    [
      'an image in a system message',
      [
        {
          role: 'system',
          content: [{ type: 'image_url', image_url: { url: 'https://x/cat.png' } }],
        },
        user,
      ],
      'messages[0].content[0].type',
    ],
  ])('a message with %s', async (_, messages, param) => {
    const response = await postCompletions(
      server(),
      completionBody({ messages, tools: [WEATHER] }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string } };
    expect(error.param).toBe(param);
  });

  it('accepts a full conversation: images, calls, their answers, every option', async () => {
    const messages = [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather where this is?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
        ],
      },
      { role: 'assistant', content: null, tool_calls: [call('c1'), call('c2')] },
      { role: 'tool', tool_call_id: 'c2', content: 'Rain' },
      { role: 'tool', tool_call_id: 'c1', content: [{ type: 'text', text: 'Sun' }] },
    ];
    const response = await postCompletions(
      server(),
      completionBody({
        messages,
        tools: [WEATHER],
        tool_choice: 'auto',
        response_format: { type: 'text' },
        stream: false,
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe('the default reply to tools and response formats', () => {
  it('calls the first tool with arguments built from its schema', async () => {
    const all = deltas(await streamed({ tools: [WEATHER] }));
    const args = all.flatMap((delta) => delta.tool_calls ?? []).map((c) => c.function.arguments);
    expect(JSON.parse(args.join(''))).toEqual({ city: 'Paris', unit: 'celsius', days: 1 });
    expect(all.map((delta) => delta.content ?? '').join('')).toBe('');
  });

  it('calls the tool tool_choice names, and none with tool_choice none', async () => {
    const other = {
      type: 'function',
      function: { name: 'get_time', parameters: { type: 'object', properties: {} } },
    };
    const named = await whole({
      tools: [WEATHER, other],
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    expect(named.tool_calls).toMatchObject([{ function: { name: 'get_time', arguments: '{}' } }]);
    const none = await whole({ tools: [WEATHER], tool_choice: 'none' });
    expect(none.tool_calls).toBeUndefined();
    expect(none.content).toMatch(/^## About/u);
  });

  it('answers from the tool results once they are in the conversation', async () => {
    const messages = [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [call('c1')] },
      { role: 'tool', tool_call_id: 'c1', content: '{"sky":"clear","temp":21}' },
    ];
    const reply = await whole({ messages, tools: [WEATHER] });
    expect(reply.tool_calls).toBeUndefined();
    expect(reply.finish_reason).toBe('stop');
    expect(reply.content).toContain('`get_weather` returned: {"sky":"clear","temp":21}');
  });

  it('replies JSON for json_object, and a value of the schema for json_schema', async () => {
    const object = await whole({ response_format: { type: 'json_object' } });
    expect(JSON.parse(object.content as string)).toMatchObject({ question: 'Hello, world!' });
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        score: { type: 'number', minimum: 3 },
        done: { type: 'boolean' },
        kind: { anyOf: [{ const: 'a' }, { type: 'null' }] },
        optional: { type: 'string' },
      },
      required: ['title', 'tags', 'score', 'done', 'kind'],
    };
    const chunks = await streamed({
      response_format: { type: 'json_schema', json_schema: { name: 'post', schema, strict: true } },
    });
    const text = deltas(chunks)
      .map((delta) => delta.content ?? '')
      .join('');
    expect(JSON.parse(text)).toEqual({
      title: 'example',
      tags: ['example'],
      score: 3,
      done: true,
      kind: 'a',
    });
  });
});

describe('OpenAICompatible against the default server: a full two-step tool run', () => {
  const weather: ToolDefinition = {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: WEATHER.function.parameters,
  };

  it.each([true, false])('stream: %s', async (stream) => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const messages: ChatMessage[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const events = await lastValueFrom(
      provider
        .createCompletionEvents('gpt-4', messages, stream, { tools: [weather] })
        .pipe(toArray()),
    );
    const types = events.map((event) => event.type);
    expect(types.indexOf('tool-call')).toBeLessThan(types.indexOf('finish'));
    const calls = await lastValueFrom(
      provider
        .createCompletionEvents('gpt-4', messages, stream, { tools: [weather] })
        .pipe(toolCalls(), toArray()),
    );
    expect(calls).toMatchObject([
      { name: 'get_weather', input: { city: 'Paris', unit: 'celsius', days: 1 } },
    ]);
    const [first] = calls;
    if (first === undefined) throw new Error('no call');
    const next: ChatMessage[] = [
      ...messages,
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: first.id, name: first.name, arguments: first.arguments }],
      },
      { role: 'tool', toolCallId: first.id, content: 'Sunny, 21 °C' },
    ];
    const text = await lastValueFrom(
      provider.createCompletion('gpt-4', next, stream, { tools: [weather] }).pipe(toArray()),
    );
    expect(text.join('')).toContain('`get_weather` returned: Sunny, 21 °C');
  });
});
