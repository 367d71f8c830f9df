import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { runTools } from '../../lib/run-tools/run-tools.js';
import type { RunToolsRequest } from '../../lib/run-tools/run-tools-request.js';
import { collect } from '../support/collect.js';
import { scriptedProvider, textReply } from './support/scripted-provider.js';

const now = { parameters: { type: 'object' }, execute: () => 'noon' };

describe('runTools: bad input is an InvalidRequestError on subscribe, before any request', () => {
  it.each([
    [
      'tools',
      { tools: [{ name: 'now', parameters: {} }] },
      'must be an object of tools by name, got an array',
    ],
    ['tools', { tools: null }, 'must be an object of tools by name, got null'],
    ['tools', { tools: undefined }, 'must be an object of tools by name, got undefined'],
    [
      'tools.now',
      { tools: { now: 'noon' } },
      'must be an object with parameters and execute, got a string',
    ],
    [
      'tools.now.execute',
      { tools: { now: { parameters: {} } } },
      'must be a function, got undefined',
    ],
    [
      'tools.now.execute',
      { tools: { now: { ...now, execute: 'noon' } } },
      'must be a function, got a string',
    ],
    [
      'tools.now.parameters',
      { tools: { now: { execute: now.execute } } },
      'must be a JSON Schema object, got undefined',
    ],
    [
      'tools.now.description',
      { tools: { now: { ...now, description: 1 } } },
      'must be a string, got 1',
    ],
    ['maxSteps', { maxSteps: 0 }, 'must be a positive integer, got 0'],
    ['maxSteps', { maxSteps: 1.5 }, 'must be a positive integer, got 1.5'],
    ['maxSteps', { maxSteps: -1 }, 'must be a positive integer, got -1'],
    ['maxSteps', { maxSteps: Number.NaN }, 'must be a positive integer, got NaN'],
    ['maxSteps', { maxSteps: '3' }, 'must be a positive integer, got a string'],
    ['onToolError', { onToolError: 'ignore' }, 'must be "continue" or "stop", got a string'],
    [
      'prompt',
      { messages: [{ role: 'user', content: 'Hi' }] },
      'cannot be given with messages: pass one or the other',
    ],
  ])('%s: %j', async (field, override, reason) => {
    const provider = scriptedProvider('scripted', [textReply('never')]);
    const request = {
      model: 'm',
      prompt: 'Go',
      provider,
      tools: { now },
      ...override,
    } as unknown as RunToolsRequest;
    const run$ = runTools(request); // never throws synchronously
    const { error } = await collect(run$);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'runTools', field, reason });
    expect(provider.requests).toHaveLength(0);
  });

  it('a request that is not an object', async () => {
    const { error } = await collect(runTools(null as unknown as RunToolsRequest));
    expect(error).toMatchObject({
      name: 'InvalidRequestError',
      field: 'request',
      reason: 'must be an object, got null',
    });
  });

  it.each([
    [{}, 'undefined'],
    [{ messages: 'Hi' }, 'a string'],
  ])('neither prompt nor messages (an array): %j', async (given, got) => {
    const provider = scriptedProvider('scripted', [textReply('never')]);
    const request = {
      model: 'm',
      provider,
      tools: { now },
      ...given,
    } as unknown as RunToolsRequest;
    const { error } = await collect(runTools(request));
    expect(error).toMatchObject({
      name: 'InvalidRequestError',
      field: 'messages',
      reason: `must be an array of messages (or give prompt), got ${got}`,
    });
    expect(provider.requests).toHaveLength(0);
  });

  it('no tools at all: a plain completion, offered no tools', async () => {
    const provider = scriptedProvider('scripted', [textReply('Hi')]);
    const { values } = await collect(runTools({ model: 'm', prompt: 'Go', provider, tools: {} }));
    expect(provider.requests[0]?.options).toEqual({});
    expect(values.at(-1)).toMatchObject({ type: 'step', index: 0, text: 'Hi', final: true });
  });
});
