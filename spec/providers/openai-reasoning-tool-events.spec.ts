import type { EventSourceMessage } from 'eventsource-parser';
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { StreamError } from '../../lib/errors/stream-error.js';
import { completeToolCalls } from '../../lib/events/complete-tool-calls.js';
import { chatChunkEvents } from '../../lib/providers/openai-compatible/chat-chunk-events.js';
import { chatCompletionEvents } from '../../lib/providers/openai-compatible/chat-completion-object-events.js';
import { reasoningText } from '../../lib/providers/openai-compatible/reasoning-text.js';
import { collect } from '../support/collect.js';

const sse = (value: unknown): EventSourceMessage => ({
  id: undefined,
  event: undefined,
  data: typeof value === 'string' ? value : JSON.stringify(value),
});
const chunk = (delta: unknown, finish: string | null = null) =>
  sse({ choices: [{ index: 0, delta, finish_reason: finish }] });
const done = sse('[DONE]');
const whole = (message: unknown, finish = 'stop'): string =>
  JSON.stringify({ choices: [{ index: 0, message, finish_reason: finish }] });

const run = (events: readonly EventSourceMessage[]) =>
  collect(from(events).pipe(chatChunkEvents('Test'), completeToolCalls('Test')));

describe('reasoningText: where servers put the reasoning', () => {
  it.each([
    ['reasoning_content (DeepSeek, vLLM, llama.cpp)', { reasoning_content: 'Hm.' }],
    ['reasoning as a string (OpenRouter, Ollama /v1)', { reasoning: 'Hm.' }],
    ['reasoning.text', { reasoning: { text: 'Hm.' } }],
    ['reasoning_details', { reasoning_details: [{ type: 'reasoning.text', text: 'Hm.' }] }],
    [
      'a reasoning.summary detail',
      { reasoning_details: [{ type: 'reasoning.summary', summary: 'Hm.' }] },
    ],
  ])('reads %s', (_, fields) => {
    expect(reasoningText(fields)).toBe('Hm.');
  });

  it('gives the text once when a server repeats it under several names (OpenRouter)', () => {
    const fields = {
      reasoning: 'Hm.',
      reasoning_details: [{ type: 'reasoning.text', text: 'Hm.', format: 'unknown', index: 0 }],
    };
    expect(reasoningText(fields)).toBe('Hm.');
  });

  it('skips encrypted details and fields of other types', () => {
    expect(
      reasoningText({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'x' }, 3] }),
    ).toBe('');
    expect(reasoningText({ reasoning_content: 5, reasoning: null, reasoning_details: 'x' })).toBe(
      '',
    );
    expect(reasoningText({ reasoning_content: '', reasoning: 'Then this.' })).toBe('Then this.');
  });
});

describe('chatCompletionEvents: reasoning and tool calls of one chunk', () => {
  it('emits reasoning, text, tool-call deltas, finish and usage, in that order', () => {
    const data = JSON.stringify({
      choices: [
        {
          index: 0,
          delta: {
            content: 'Text',
            reasoning_content: 'Think',
            tool_calls: [
              { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{' } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect([...chatCompletionEvents(data, 'Test')]).toEqual([
      { type: 'reasoning-delta', text: 'Think' },
      { type: 'text-delta', text: 'Text' },
      { type: 'tool-call-delta', index: 0, id: 'call_1', name: 'f', argumentsDelta: '{' },
      { type: 'finish', reason: 'tool_calls' },
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } },
    ]);
  });

  it('reads several calls of one delta, with their indexes', () => {
    const data = JSON.stringify({
      choices: [
        {
          delta: {
            tool_calls: [
              { index: 1, function: { arguments: '"b"' } },
              { index: 0, function: { arguments: '"a"' } },
            ],
          },
        },
      ],
    });
    expect([...chatCompletionEvents(data, 'Test')]).toEqual([
      { type: 'tool-call-delta', index: 1, argumentsDelta: '"b"' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"a"' },
    ]);
  });

  it('gives a call without index its position (0 for a single call)', () => {
    const data = JSON.stringify({
      choices: [{ delta: { tool_calls: [{ id: 'c', function: { name: 'f', arguments: null } }] } }],
    });
    expect([...chatCompletionEvents(data, 'Test')]).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'c', name: 'f', argumentsDelta: '' },
    ]);
  });

  it('reads a whole message: reasoning, text (empty when null) and one delta per call with its whole arguments', () => {
    const data = whole(
      {
        role: 'assistant',
        content: null,
        reasoning: 'Need the weather.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Oslo"}' },
          },
          {
            id: 'call_2',
            type: 'function',
            function: { name: 'time', arguments: { zone: 'CET' } },
          },
        ],
      },
      'tool_calls',
    );
    expect([...chatCompletionEvents(data, 'Test')]).toEqual([
      { type: 'reasoning-delta', text: 'Need the weather.' },
      { type: 'text-delta', text: '' },
      {
        type: 'tool-call-delta',
        index: 0,
        id: 'call_1',
        name: 'weather',
        argumentsDelta: '{"city":"Oslo"}',
      },
      {
        type: 'tool-call-delta',
        index: 1,
        id: 'call_2',
        name: 'time',
        argumentsDelta: '{"zone":"CET"}',
      },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('reads the legacy function_call as call 0', () => {
    const data = JSON.stringify({
      choices: [{ delta: { function_call: { name: 'f', arguments: '{"a"' } } }],
    });
    expect([...chatCompletionEvents(data, 'Test')]).toEqual([
      { type: 'tool-call-delta', index: 0, name: 'f', argumentsDelta: '{"a"' },
    ]);
  });

  it('ignores an empty tool_calls array and null fields', () => {
    const data = JSON.stringify({
      choices: [{ delta: { content: 'x', tool_calls: [], function_call: null, reasoning: null } }],
    });
    expect([...chatCompletionEvents(data, 'Test')]).toEqual([{ type: 'text-delta', text: 'x' }]);
  });
});

describe('chatChunkEvents + completeToolCalls: a streamed reply with reasoning and parallel calls', () => {
  it('streams the deltas and completes each call before finish', async () => {
    const { values, completed } = await run([
      chunk({ role: 'assistant', content: null }),
      chunk({ reasoning_content: 'Two ' }),
      chunk({ reasoning_content: 'cities.' }),
      chunk({
        tool_calls: [
          {
            index: 0,
            id: 'call_a',
            type: 'function',
            function: { name: 'weather', arguments: '' },
          },
        ],
      }),
      chunk({
        tool_calls: [
          {
            index: 1,
            id: 'call_b',
            type: 'function',
            function: { name: 'weather', arguments: '' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":"Par' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '{"city":"Os' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: 'lo"}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: 'is"}' } }] }),
      chunk({}, 'tool_calls'),
      done,
    ]);
    expect(completed).toBe(true);
    const types = values.map((event) => event.type);
    expect(types).toEqual([
      'reasoning-delta',
      'reasoning-delta',
      ...Array<string>(6).fill('tool-call-delta'),
      'tool-call',
      'tool-call',
      'finish',
    ]);
    expect(values.slice(8, 10)).toEqual([
      {
        type: 'tool-call',
        index: 0,
        id: 'call_a',
        name: 'weather',
        arguments: '{"city":"Paris"}',
        input: { city: 'Paris' },
      },
      {
        type: 'tool-call',
        index: 1,
        id: 'call_b',
        name: 'weather',
        arguments: '{"city":"Oslo"}',
        input: { city: 'Oslo' },
      },
    ]);
  });

  it.each([
    ['not an array', { tool_calls: { index: 0 } }],
    ['an element that is not an object', { tool_calls: ['call'] }],
    ['a negative index', { tool_calls: [{ index: -1, function: { arguments: '' } }] }],
    ['a fractional index', { tool_calls: [{ index: 0.5 }] }],
    ['an id that is a number', { tool_calls: [{ index: 0, id: 7 }] }],
    ['a function that is a string', { tool_calls: [{ index: 0, function: 'f' }] }],
    ['a name that is a number', { tool_calls: [{ index: 0, function: { name: 1 } }] }],
    ['arguments that are a number', { tool_calls: [{ index: 0, function: { arguments: 1 } }] }],
    ['a function_call that is a string', { function_call: 'f' }],
  ])(
    'fails with unexpected-shape for tool_calls %s, after every event before it',
    async (_, delta) => {
      const { values, error } = await run([
        chunk({ reasoning_content: 'Hm' }),
        chunk({ content: 'Same chunk', ...delta }),
        chunk({ content: 'never read' }),
        done,
      ]);
      expect(values).toEqual([
        { type: 'reasoning-delta', text: 'Hm' },
        { type: 'text-delta', text: 'Same chunk' },
      ]);
      expect(error).toBeInstanceOf(StreamError);
      expect(error).toMatchObject({ kind: 'unexpected-shape', provider: 'Test' });
    },
  );

  it('fails with invalid-tool-call when the joined arguments are not JSON', async () => {
    const { values, error } = await run([
      chunk({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{"a":' } }] }),
      chunk({}, 'tool_calls'),
      done,
    ]);
    expect(values.map((event) => event.type)).toEqual(['tool-call-delta']);
    expect(error).toMatchObject({ kind: 'invalid-tool-call' });
  });
});
