import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { OpenAICompletionOptions } from '../../lib/providers/openai-compatible/openai-compatible-options.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import type { ToolDefinition } from '../../lib/tools/tool-definition.js';
import { useRawHttpServer } from '../support/raw-http-server.js';

const raw = useRawHttpServer();

const DONE_STREAM =
  'data: {"choices":[{"delta":{"content":"ok"}}]}\n\n' +
  'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

const weather: ToolDefinition = {
  name: 'weather',
  description: 'The weather in a city now',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const conversation: Messages = [
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Where is this? Weather there?' },
      { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
    ],
  },
  {
    role: 'assistant',
    content: '',
    toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }],
  },
  { role: 'tool', toolCallId: 'call_1', content: '{"celsius":4}' },
];

async function sentBody(options: OpenAICompletionOptions) {
  raw().handle((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' }).end(DONE_STREAM);
  });
  const provider = new OpenAICompatible({ baseURL: `${raw().url}/v1`, apiKey: 'k' });
  const chunks = await lastValueFrom(
    provider.createCompletion('gpt-4o-mini', conversation, true, options).pipe(toArray()),
  );
  expect(chunks).toEqual(['ok']);
  const request = raw().requests.at(-1);
  return JSON.parse(request?.body.toString('utf8') ?? 'null') as Record<string, unknown>;
}

describe('OpenAICompatible sends messages, tools and formats in the Chat Completions form', () => {
  it('maps image parts, tool calls and tool results', async () => {
    const body = await sentBody({ systemMessage: 'Be brief.' });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Where is this? Weather there?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":4}' },
    ]);
  });

  it('sends tools, a named tool choice and a JSON Schema response format', async () => {
    const schema = { type: 'object', properties: { celsius: { type: 'number' } } };
    const body = await sentBody({
      tools: [weather, { name: 'clock', parameters: { type: 'object' } }],
      toolChoice: { name: 'weather' },
      responseFormat: { type: 'json', schema, name: 'reading' },
    });
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'The weather in a city now',
          parameters: weather.parameters,
        },
      },
      { type: 'function', function: { name: 'clock', parameters: { type: 'object' } } },
    ]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'reading', schema },
    });
  });

  it('sends tool_choice words as they are, and json_object for a schemaless JSON reply', async () => {
    const body = await sentBody({
      tools: [weather],
      toolChoice: 'required',
      responseFormat: { type: 'json' },
    });
    expect(body.tool_choice).toBe('required');
    expect(body.response_format).toEqual({ type: 'json_object' });
    const plain = await sentBody({});
    expect(Object.keys(plain)).not.toContain('tools');
    expect(Object.keys(plain)).not.toContain('tool_choice');
    expect(Object.keys(plain)).not.toContain('response_format');
  });

  it('keeps an assistant message with text and tool calls as both', async () => {
    raw().handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' }).end(DONE_STREAM);
    });
    const provider = new OpenAICompatible({ baseURL: `${raw().url}/v1`, apiKey: 'k' });
    const messages: Messages = [
      { role: 'user', content: 'Hi' },
      {
        role: 'assistant',
        content: 'Let me look.',
        toolCalls: [{ id: 'c', name: 'w', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'c', content: 'done' },
    ];
    await lastValueFrom(provider.createCompletion('m', messages, true));
    const body = JSON.parse(raw().requests[0]?.body.toString('utf8') ?? '{}') as {
      messages: unknown[];
    };
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: 'Let me look.',
      tool_calls: [{ id: 'c', type: 'function', function: { name: 'w', arguments: '{}' } }],
    });
  });

  it('refuses a bad tool definition on subscribe, before any request', async () => {
    const provider = new OpenAICompatible({ baseURL: `${raw().url}/v1`, apiKey: 'k' });
    const error: unknown = await lastValueFrom(
      provider.createCompletion('m', conversation, true, {
        tools: [{ name: 'get weather', parameters: {} }],
      }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', field: 'tools[0].name' });
    expect(raw().requests).toHaveLength(0);
  });
});
