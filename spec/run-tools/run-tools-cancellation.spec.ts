import { concat, from, NEVER, Observable, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../lib/errors/aborted-error.js';
import { AllProvidersFailedError } from '../../lib/errors/all-providers-failed-error.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { runTools } from '../../lib/run-tools/run-tools.js';
import type { RunToolsEvent } from '../../lib/run-tools/run-tools-event.js';
import type { Tool } from '../../lib/run-tools/tool.js';
import { collect, collectCompleted } from '../support/collect.js';
import {
  callingReply,
  scriptedProvider,
  textReply,
  toolCall,
} from './support/scripted-provider.js';

const textThenHang = (text: string): Observable<CompletionEvent> =>
  concat(from<CompletionEvent[]>([{ type: 'text-delta', text }]), NEVER);

/** A tool that never ends, telling when it starts and keeping its signal. */
function hangingTool(): { tool: Tool; signals: AbortSignal[]; started: Promise<undefined> } {
  const signals: AbortSignal[] = [];
  let onStart!: (value: undefined) => void;
  const started = new Promise<undefined>((resolve) => (onStart = resolve));
  const tool: Tool = {
    parameters: {},
    execute: (_input, { signal }) => {
      signals.push(signal);
      onStart(undefined);
      return new Promise(() => undefined);
    },
  };
  return { tool, signals, started };
}

describe('runTools: cancellation', () => {
  it('unsubscribing while tools run aborts every running tool and sends no further request', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'c0', 'hang', {}), toolCall(1, 'c1', 'hang', {})]),
      textReply('never asked'),
    ]);
    const { tool, signals, started } = hangingTool();
    const seen: RunToolsEvent[] = [];
    const subscription = runTools({
      model: 'm',
      prompt: 'Go',
      provider,
      tools: { hang: tool },
    }).subscribe((event) => seen.push(event));
    await started;
    expect(signals.map((signal) => signal.aborted)).toEqual([false, false]);
    subscription.unsubscribe();
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(provider.requests).toHaveLength(1);
    expect(seen.map((event) => event.type)).toEqual(['tool-call', 'tool-call', 'finish']);
  });

  it('a tool that has given its result is not aborted by an unsubscribe at that result', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'c0', 'quick', {}), toolCall(1, 'c1', 'hang', {})]),
    ]);
    let quickSignal: AbortSignal | undefined;
    const quick: Tool = {
      parameters: {},
      execute: (_input, { signal }) => {
        quickSignal = signal;
        return Promise.resolve('done');
      },
    };
    const { tool: hang, signals, started } = hangingTool();
    const subscription = runTools({
      model: 'm',
      prompt: 'Go',
      provider,
      tools: { quick, hang },
    }).subscribe((event) => {
      if (event.type === 'tool-result') subscription.unsubscribe(); // Stop, at the first result
    });
    await started;
    await new Promise((resolve) => setImmediate(resolve));
    expect(subscription.closed).toBe(true);
    expect(quickSignal?.aborted).toBe(false);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("unsubscribing while a tool's Observable runs unsubscribes from it", () => {
    const provider = scriptedProvider('scripted', [callingReply([toolCall(0, 'c0', 'watch', {})])]);
    let subscribed = 0;
    let unsubscribed = 0;
    const watch: Tool = {
      parameters: {},
      execute: () =>
        new Observable<number>(() => {
          subscribed += 1;
          return () => (unsubscribed += 1);
        }),
    };
    const subscription = runTools({
      model: 'm',
      prompt: 'Go',
      provider,
      tools: { watch },
    }).subscribe();
    expect([subscribed, unsubscribed]).toEqual([1, 0]);
    subscription.unsubscribe();
    expect([subscribed, unsubscribed]).toEqual([1, 1]);
  });

  it('unsubscribing mid-request aborts the request, and no tool runs', () => {
    const provider = scriptedProvider('scripted', [textThenHang('Let me')]);
    const { tool, signals } = hangingTool();
    const subscription = runTools({
      model: 'm',
      prompt: 'Go',
      provider,
      tools: { hang: tool },
    }).subscribe();
    expect(provider.requests[0]?.ended).toBeUndefined();
    subscription.unsubscribe();
    expect(provider.requests[0]?.ended).toBe('unsubscribed');
    expect(signals).toHaveLength(0);
  });

  it('unsubscribing mid-request of step 2 aborts that request', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'c0', 'now', {})]),
      textThenHang('It is'),
    ]);
    const now: Tool = { parameters: {}, execute: () => Promise.resolve('noon') }; // ends later
    const subscription = runTools({
      model: 'm',
      prompt: 'Time?',
      provider,
      tools: { now },
    }).subscribe((event) => {
      if (event.type === 'text-delta') subscription.unsubscribe();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(provider.requests.map((request) => request.ended)).toEqual([
      'completed',
      'unsubscribed',
    ]);
  });

  it('a signal aborted while tools run ends the run with AbortedError and aborts the tools', async () => {
    const provider = scriptedProvider('scripted', [callingReply([toolCall(0, 'c0', 'hang', {})])]);
    const { tool, signals, started } = hangingTool();
    const controller = new AbortController();
    const run = collect(
      runTools({
        model: 'm',
        prompt: 'Go',
        provider,
        tools: { hang: tool },
        signal: controller.signal,
      }),
    );
    await started;
    controller.abort(new Error('stop pressed'));
    const { error, values } = await run;
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: new Error('stop pressed') });
    expect(signals[0]?.aborted).toBe(true);
    expect(values.map((event) => event.type)).toEqual(['tool-call', 'finish']);
  });

  it('a signal aborted mid-request ends the run with AbortedError and aborts the request', async () => {
    const provider = scriptedProvider('scripted', [textThenHang('Let me')]);
    const controller = new AbortController();
    const { tool } = hangingTool();
    const run = collect(
      runTools({
        model: 'm',
        prompt: 'Go',
        provider,
        tools: { hang: tool },
        signal: controller.signal,
      }),
    );
    controller.abort();
    const { error, values } = await run;
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(values).toEqual([{ type: 'text-delta', text: 'Let me' }]);
    expect(provider.requests[0]?.ended).toBe('unsubscribed');
  });

  it('a signal aborted already sends nothing', async () => {
    const provider = scriptedProvider('scripted', [textReply('never')]);
    const { tool } = hangingTool();
    const { error } = await collect(
      runTools({
        model: 'm',
        prompt: 'Go',
        provider,
        tools: { hang: tool },
        signal: AbortSignal.abort(),
      }),
    );
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(provider.requests).toHaveLength(0);
  });
});

describe('runTools: providers', () => {
  it('each step falls back across `providers` on its own', async () => {
    const down = scriptedProvider('down', [
      throwError(() => new Error('down')),
      throwError(() => new Error('down again')),
    ]);
    const up = scriptedProvider('up', [
      callingReply([toolCall(0, 'c0', 'now', {})]),
      textReply('noon'),
    ]);
    const answered: string[] = [];
    const now: Tool = { parameters: {}, execute: () => '12:00' };
    const values = await collectCompleted(
      runTools({
        model: 'm',
        prompt: 'Time?',
        providers: [down, up],
        tools: { now },
        onProvider: (name) => answered.push(name),
      }),
    );
    expect(down.requests).toHaveLength(2);
    expect(up.requests.map((request) => request.messages.length)).toEqual([1, 3]);
    expect(answered).toEqual(['up', 'up']);
    expect(values.at(-1)).toMatchObject({ type: 'step', index: 1, text: 'noon', final: true });
  });

  it('a step whose every provider fails ends the run with their error', async () => {
    const down = scriptedProvider('down', [throwError(() => new Error('down'))]);
    const { tool } = hangingTool();
    const { error } = await collect(
      runTools({ model: 'm', prompt: 'Go', providers: [down], tools: { hang: tool } }),
    );
    expect(AllProvidersFailedError.isInstance(error) || (error as Error).message === 'down').toBe(
      true,
    );
  });

  it('passes the completion options to every request, tools as definitions', async () => {
    const provider = scriptedProvider('scripted', [
      callingReply([toolCall(0, 'c0', 'now', {})]),
      textReply('ok'),
    ]);
    const now: Tool = {
      description: 'The time',
      parameters: { type: 'object' },
      execute: () => 'noon',
    };
    await collectCompleted(
      runTools({
        model: 'm',
        prompt: 'Go',
        provider,
        tools: { now },
        temperature: 0.2,
        toolChoice: 'auto',
        maxSteps: 3,
      }),
    );
    for (const request of provider.requests) {
      expect(request.options).toEqual({
        temperature: 0.2,
        toolChoice: 'auto',
        tools: [{ name: 'now', description: 'The time', parameters: { type: 'object' } }],
      });
    }
  });
});
