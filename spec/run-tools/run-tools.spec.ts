import { concat, finalize, from, NEVER, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ToolExecutionError } from '../../lib/errors/tool-execution-error.js';
import { runTools } from '../../lib/run-tools/run-tools.js';
import type {
  RunToolsEvent,
  StepEvent,
  ToolResultEvent,
} from '../../lib/run-tools/run-tools-event.js';
import type { Tool, ToolContext } from '../../lib/run-tools/tool.js';
import { collect, collectCompleted } from '../support/collect.js';
import {
  callingReply,
  scriptedProvider,
  textReply,
  toolCall,
} from './support/scripted-provider.js';

const parameters = { type: 'object', properties: { city: { type: 'string' } } };

/** A Promise with its resolve and reject at hand. */
function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const typesOf = (events: readonly RunToolsEvent[]): string[] => events.map((event) => event.type);
const stepsOf = (events: readonly RunToolsEvent[]): StepEvent[] =>
  events.filter((event): event is StepEvent => event.type === 'step');
const resultsOf = (events: readonly RunToolsEvent[]): ToolResultEvent[] =>
  events.filter((event): event is ToolResultEvent => event.type === 'tool-result');

describe('runTools', () => {
  it('runs two calls of step 1 at once, sends their results in call order, and ends with the text of step 2', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply(
        [
          toolCall(0, 'call_1', 'weather', { city: 'Oslo' }),
          toolCall(1, 'call_2', 'weather', { city: 'Paris' }),
        ],
        'Let me check.',
      ),
      textReply('Oslo 4°C, ', 'Paris 12°C.'),
    ]);
    const started: string[] = [];
    const bothStarted = deferred<undefined>();
    const answers = { Oslo: deferred<unknown>(), Paris: deferred<unknown>() };
    const weather: Tool<{ city: 'Oslo' | 'Paris' }> = {
      description: 'The weather now',
      parameters,
      execute: ({ city }) => {
        started.push(city);
        if (started.length === 2) bothStarted.resolve(undefined);
        return answers[city].promise;
      },
    };
    const run = collect(runTools({ model: 'm', prompt: 'Weather?', provider, tools: { weather } }));
    await bothStarted.promise; // both run before either ends
    answers.Paris.resolve({ celsius: 12 });
    await new Promise((resolve) => setImmediate(resolve));
    answers.Oslo.resolve({ celsius: 4 });
    const { values, completed } = await run;

    expect(completed).toBe(true);
    expect(typesOf(values)).toEqual([
      'text-delta',
      'tool-call',
      'tool-call',
      'finish',
      'tool-result',
      'tool-result',
      'step',
      'text-delta',
      'text-delta',
      'finish',
      'step',
    ]);
    // Results come as the calls end: Paris first.
    expect(resultsOf(values)).toEqual([
      {
        type: 'tool-result',
        id: 'call_2',
        name: 'weather',
        input: { city: 'Paris' },
        output: { celsius: 12 },
      },
      {
        type: 'tool-result',
        id: 'call_1',
        name: 'weather',
        input: { city: 'Oslo' },
        output: { celsius: 4 },
      },
    ]);
    const afterStep1 = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: 'Let me check.',
        toolCalls: [
          { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' },
          { id: 'call_2', name: 'weather', arguments: '{"city":"Paris"}' },
        ],
      },
      // In call order, not in the order they ended.
      { role: 'tool', toolCallId: 'call_1', content: '{"celsius":4}' },
      { role: 'tool', toolCallId: 'call_2', content: '{"celsius":12}' },
    ];
    expect(provider.requests.map((request) => request.messages)).toEqual([
      [{ role: 'user', content: 'Weather?' }],
      afterStep1,
    ]);
    expect(provider.requests[0]?.options?.tools).toEqual([
      { name: 'weather', description: 'The weather now', parameters },
    ]);
    const [step1, step2] = stepsOf(values);
    expect(step1).toEqual({
      type: 'step',
      index: 0,
      text: 'Let me check.',
      toolCalls: afterStep1[1]?.toolCalls,
      finishReason: 'tool_calls',
      messages: afterStep1,
      final: false,
    });
    expect(step2).toEqual({
      type: 'step',
      index: 1,
      text: 'Oslo 4°C, Paris 12°C.',
      toolCalls: [],
      finishReason: 'stop',
      messages: [...afterStep1, { role: 'assistant', content: 'Oslo 4°C, Paris 12°C.' }],
      final: true,
    });
  });

  it('gives each tool its call id, a signal and the conversation ending with the calling message', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'call_7', 'echo', { a: 1 })]),
      textReply('done'),
    ]);
    const contexts: ToolContext[] = [];
    const echo: Tool = {
      parameters: { type: 'object' },
      execute: (input, context) => {
        contexts.push(context);
        return input;
      },
    };
    const messages = [{ role: 'user', content: 'Go' }] as const;
    await collectCompleted(runTools({ model: 'm', messages, provider, tools: { echo } }));
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.toolCallId).toBe('call_7');
    expect(contexts[0]?.signal.aborted).toBe(false); // a call that ended is not aborted
    expect(contexts[0]?.messages).toEqual([
      ...messages,
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_7', name: 'echo', arguments: '{"a":1}' }],
      },
    ]);
  });

  it('takes a value, a Promise or an Observable (its last value) as the result; strings as they are, the rest as JSON', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([
        toolCall(0, 'c0', 'value', {}),
        toolCall(1, 'c1', 'promise', {}),
        toolCall(2, 'c2', 'observable', {}),
        toolCall(3, 'c3', 'empty', {}),
        toolCall(4, 'c4', 'array', {}),
      ]),
      textReply('ok'),
    ]);
    const tools: Record<string, Tool> = {
      value: { parameters: {}, execute: () => ({ a: 1 }) },
      promise: { parameters: {}, execute: () => Promise.resolve('plain text') },
      observable: { parameters: {}, execute: () => of(1, 2, 3) },
      empty: {
        parameters: {},
        execute: () => from([] as number[]).pipe(finalize(() => undefined)),
      },
      array: { parameters: {}, execute: () => [1, 2] },
    };
    const values = await collectCompleted(runTools({ model: 'm', prompt: 'Go', provider, tools }));
    // In the order they ended (the Promise's last), so sorted here.
    const results = resultsOf(values).sort((a, b) => a.id.localeCompare(b.id));
    expect(results.map((event) => [event.id, event.output])).toEqual([
      ['c0', { a: 1 }],
      ['c1', 'plain text'],
      ['c2', 3],
      ['c3', undefined],
      ['c4', [1, 2]],
    ]);
    expect(provider.requests[1]?.messages.slice(2)).toEqual([
      { role: 'tool', toolCallId: 'c0', content: '{"a":1}' },
      { role: 'tool', toolCallId: 'c1', content: 'plain text' },
      { role: 'tool', toolCallId: 'c2', content: '3' },
      { role: 'tool', toolCallId: 'c3', content: '' },
      { role: 'tool', toolCallId: 'c4', content: '[1,2]' },
    ]);
  });

  it('tells the model when a tool throws, rejects, errors or gives what JSON cannot encode, and goes on', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([
        toolCall(0, 'c0', 'throws', {}),
        toolCall(1, 'c1', 'rejects', {}),
        toolCall(2, 'c2', 'errors', {}),
        toolCall(3, 'c3', 'bigint', {}),
      ]),
      textReply('Sorry, the tools failed.'),
    ]);
    const boom = new Error('boom');
    const tools: Record<string, Tool> = {
      throws: {
        parameters: {},
        execute: () => {
          throw boom;
        },
      },
      rejects: { parameters: {}, execute: () => Promise.reject(new Error('no network')) },
      errors: {
        parameters: {},
        execute: () => concat(of(1), from(Promise.reject(new Error('late')))),
      },
      bigint: { parameters: {}, execute: () => ({ n: 1n }) },
    };
    const values = await collectCompleted(runTools({ model: 'm', prompt: 'Go', provider, tools }));
    const results = resultsOf(values);
    expect(results.map((event) => event.error?.reason)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(results.every((event) => ToolExecutionError.isInstance(event.error))).toBe(true);
    expect(results[0]?.error).toMatchObject({ toolName: 'throws', toolCallId: 'c0', cause: boom });
    expect(results[0]).not.toHaveProperty('output');
    expect(provider.requests[1]?.messages.slice(2)).toEqual([
      { role: 'tool', toolCallId: 'c0', content: 'Error: the tool "throws" failed: boom' },
      { role: 'tool', toolCallId: 'c1', content: 'Error: the tool "rejects" failed: no network' },
      { role: 'tool', toolCallId: 'c2', content: 'Error: the tool "errors" failed: late' },
      {
        role: 'tool',
        toolCallId: 'c3',
        content: expect.stringMatching(/^Error: the tool "bigint" failed: .*BigInt/) as unknown,
      },
    ]);
    expect(stepsOf(values).at(-1)?.text).toBe('Sorry, the tools failed.');
  });

  it('tells the model when it called a tool there is none of, and goes on', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'c0', 'wether', { city: 'Oslo' })]),
      callingReply([toolCall(0, 'c1', 'weather', { city: 'Oslo' })]),
      textReply('4°C'),
    ]);
    const weather: Tool = { parameters, execute: () => ({ celsius: 4 }) };
    const values = await collectCompleted(
      runTools({ model: 'm', prompt: 'Go', provider, tools: { weather, time: weather } }),
    );
    const [unknown] = resultsOf(values);
    expect(unknown?.error).toMatchObject({
      name: 'ToolExecutionError',
      reason: 'unknown-tool',
      toolName: 'wether',
    });
    expect(provider.requests[1]?.messages[2]).toEqual({
      role: 'tool',
      toolCallId: 'c0',
      content: 'Error: there is no tool named "wether" (the tools are: weather, time)',
    });
    expect(provider.requests).toHaveLength(3);
  });

  it("onToolError 'stop' ends the run with the ToolExecutionError, aborts the step's other calls, and sends no more requests", async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'c0', 'slow', {}), toolCall(1, 'c1', 'fails', {})]),
      textReply('never asked'),
    ]);
    let slowSignal: AbortSignal | undefined;
    const tools: Record<string, Tool> = {
      slow: {
        parameters: {},
        execute: (_input, { signal }) => {
          slowSignal = signal;
          return NEVER;
        },
      },
      fails: { parameters: {}, execute: () => Promise.reject(new Error('broken')) },
    };
    const { values, error } = await collect(
      runTools({ model: 'm', prompt: 'Go', provider, tools, onToolError: 'stop' }),
    );
    expect(ToolExecutionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'TOOL_EXECUTION', toolName: 'fails', reason: 'failed' });
    expect(typesOf(values).slice(-1)).toEqual(['tool-result']); // the failure is told first
    expect(slowSignal?.aborted).toBe(true);
    expect(provider.requests).toHaveLength(1);
  });

  it('stops after maxSteps requests without an error, the last calls run and their results in the messages', async () => {
    const calls = (id: string) => callingReply([toolCall(0, id, 'again', {})]);
    const provider = scriptedProvider('scripted', [calls('c0'), calls('c1'), calls('c2')]);
    let runs = 0;
    const again: Tool = { parameters: {}, execute: () => ++runs };
    const values = await collectCompleted(
      runTools({ model: 'm', prompt: 'Go', provider, tools: { again }, maxSteps: 2 }),
    );
    expect(provider.requests).toHaveLength(2);
    expect(runs).toBe(2);
    const steps = stepsOf(values);
    expect(steps.map((step) => [step.index, step.final, step.toolCalls.length])).toEqual([
      [0, false, 1],
      [1, true, 1],
    ]);
    expect(steps[1]?.messages.at(-1)).toEqual({ role: 'tool', toolCallId: 'c1', content: '2' });
    expect(values.at(-1)).toBe(steps[1]);
  });

  it('makes five requests at most by default', async () => {
    const replies = Array.from({ length: 6 }, (_, at) =>
      callingReply([toolCall(0, `c${at}`, 'again', {})]),
    );
    const provider = scriptedProvider('scripted', replies);
    const again: Tool = { parameters: {}, execute: () => 'again' };
    await collectCompleted(runTools({ model: 'm', prompt: 'Go', provider, tools: { again } }));
    expect(provider.requests).toHaveLength(5);
  });
});
