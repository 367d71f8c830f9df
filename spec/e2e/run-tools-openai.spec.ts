import { firstValueFrom, filter, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { runTools } from '../../lib/run-tools/run-tools.js';
import type { Tool } from '../../lib/run-tools/tool.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const server = useLoopbackServer();
const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

/** Two calls at once, their arguments streamed in interleaved pieces of 3. */
const twoCalls = {
  path: '/v1/chat/completions',
  text: 'Checking both.',
  toolCalls: [
    { id: 'call_oslo', name: 'weather', arguments: '{"city":"Oslo"}' },
    { id: 'call_paris', name: 'weather', arguments: '{"city":"Paris"}' },
  ],
  argumentsChunkSize: 3,
  interleaveToolCalls: true,
};

describe('runTools against OpenAICompatible on the loopback server (real HTTP)', () => {
  it('makes a full two-step run with the default replies: a call, then an answer from its result', async () => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const inputs: unknown[] = [];
    const weather: Tool<{ city: string }> = {
      description: 'The weather in a city now',
      parameters,
      execute: (input) => {
        inputs.push(input);
        return { city: input.city, celsius: 12 };
      },
    };
    const events = await lastValueFrom(
      runTools({
        model: 'gpt-4o-mini',
        prompt: 'Weather in Paris?',
        provider,
        tools: { weather },
      }).pipe(toArray()),
    );
    expect(inputs).toEqual([{ city: 'Paris' }]);
    const steps = events.filter((event) => event.type === 'step');
    expect(steps.map((step) => [step.index, step.final])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(steps[1]?.text).toContain('{"city":"Paris","celsius":12}');
    expect(steps[1]?.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    // What the server received: the tools each time; the call and its answer the second time.
    const [first, second] = server().requests.map(
      (request) => request.json() as Record<string, unknown>,
    );
    expect(first?.['tools']).toEqual([
      {
        type: 'function',
        function: { name: 'weather', description: 'The weather in a city now', parameters },
      },
    ]);
    const sent = second?.['messages'] as Record<string, unknown>[];
    expect(sent.map((message) => message['role'])).toEqual(['user', 'assistant', 'tool']);
    const callId = (sent[1]?.['tool_calls'] as { id: string }[])[0]?.id;
    expect(sent[2]).toMatchObject({
      role: 'tool',
      tool_call_id: callId,
      content: '{"city":"Paris","celsius":12}',
    });
  });

  it('runs two scripted calls at once and sends both answers in call order', async () => {
    server().enqueue(twoCalls);
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const weather: Tool<{ city: string }> = { parameters, execute: ({ city }) => `${city}: fine` };
    const events = await lastValueFrom(
      runTools({
        model: 'gpt-4o-mini',
        prompt: 'Oslo and Paris?',
        provider,
        tools: { weather },
      }).pipe(toArray()),
    );
    const [step0] = events.filter((event) => event.type === 'step');
    expect(step0?.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: 'Checking both.',
        toolCalls: [
          { id: 'call_oslo', name: 'weather', arguments: '{"city":"Oslo"}' },
          { id: 'call_paris', name: 'weather', arguments: '{"city":"Paris"}' },
        ],
      },
      { role: 'tool', toolCallId: 'call_oslo', content: 'Oslo: fine' },
      { role: 'tool', toolCallId: 'call_paris', content: 'Paris: fine' },
    ]);
    expect(server().requests).toHaveLength(2);
  });

  it('unsubscribing mid-step closes the request on the server, and no further request is sent', async () => {
    server().enqueue({
      path: '/v1/chat/completions',
      text: 'one two three four five six seven',
      delayMs: 50,
    });
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const weather: Tool = { parameters, execute: () => 'never called' };
    const run$ = runTools({ model: 'gpt-4o-mini', prompt: 'Hi', provider, tools: { weather } });
    // firstValueFrom unsubscribes at the first text.
    await firstValueFrom(run$.pipe(filter((event) => event.type === 'text-delta')));
    const [request] = await server().waitForRequests(1);
    expect(await request?.closed).toBe('client-closed');
    expect(server().requests).toHaveLength(1);
  });

  it('unsubscribing while a tool runs aborts it, and the second request is never sent', async () => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    let started!: (signal: AbortSignal) => void;
    const running = new Promise<AbortSignal>((resolve) => (started = resolve));
    const weather: Tool = {
      parameters,
      execute: (_input, { signal }) => {
        started(signal);
        return new Promise(() => undefined); // a tool that takes its time
      },
    };
    const subscription = runTools({
      model: 'gpt-4o-mini',
      prompt: 'Weather?',
      provider,
      tools: { weather },
    }).subscribe();
    const signal = await running;
    expect(signal.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signal.aborted).toBe(true);
    const [request] = await server().waitForRequests(1);
    expect(await request?.closed).toBe('completed');
    expect(server().requests).toHaveLength(1);
  });
});
