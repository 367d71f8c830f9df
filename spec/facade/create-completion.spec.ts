/**
 * The `createCompletion` facade end to end: Aivvm and OpenAICompatible over real HTTP on
 * 127.0.0.1 against loopback servers, no mocks. Selection, fallback and hedging are asserted
 * by what each server received and how its connections ended; the hedge timer runs on a
 * `VirtualTimeScheduler` flushed by the test, so the order of events never depends on the
 * machine's load. The timing logic itself is covered in virtual time by `spec/race/`.
 *
 * Each test gets servers of its own, so a failing test leaves nothing (a queued script, an open
 * connection) that could fail the next one.
 */
import { inspect } from 'node:util';
import { of, throwError, VirtualTimeScheduler, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AllProvidersFailedError } from '../../lib/errors/all-providers-failed-error.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { NoWorkingProviderError } from '../../lib/errors/no-working-provider-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import {
  createCompletion,
  type CreateCompletionRequest,
} from '../../lib/facade/create-completion.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { Provider } from '../../lib/providers/provider.js';
import { ProviderRegistry } from '../../lib/registry/provider-registry.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { collect, refusedPort } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';

const SECRET = 'sk-SECRET-facade-0123456789';
const messages: Messages = [{ role: 'user', content: 'Hi' }];

let serverA: LoopbackServer;
let serverB: LoopbackServer;
let serverC: LoopbackServer;
const servers = (): LoopbackServer[] => [serverA, serverB, serverC];

beforeEach(async () => {
  const start = (): Promise<LoopbackServer> =>
    startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
  [serverA, serverB, serverC] = await Promise.all([start(), start(), start()]);
});
afterEach(async () => {
  const labelled = servers().map((server, index) => ({ server, label: 'ABC'[index] ?? '?' }));
  try {
    for (const { server, label } of labelled) {
      expect(
        server.queuedScripts,
        `server${label}: a scripted reply was never requested (a provider was not tried)`,
      ).toBe(0);
      await server.waitForIdle({ timeoutMs: 2000 }).catch((error: unknown) => {
        throw new Error(`server${label}: a connection was still open after the test`, {
          cause: error,
        });
      });
    }
  } finally {
    await Promise.all(servers().map((server) => server.close()));
  }
});

/** A registry of Aivvm entries, each working and pointed at its own server. */
function aivvmOn(entries: Record<string, LoopbackServer>): ProviderRegistry {
  const registry = new ProviderRegistry();
  for (const [name, server] of Object.entries(entries)) {
    registry.register(Aivvm, { name, working: true, options: { baseURL: server.url } });
  }
  return registry;
}

/** `createCompletion` for gpt-4 with `onProvider` recorded. */
function complete(request: Partial<CreateCompletionRequest>): {
  readonly completion$: Observable<string>;
  readonly answeredBy: string[];
} {
  const answeredBy: string[] = [];
  const completion$ = createCompletion({
    model: 'gpt-4',
    messages,
    onProvider: (name) => answeredBy.push(name),
    ...request,
  });
  return { completion$, answeredBy };
}

/** A provider that serves every model with `reply`, recording the options it was given. */
function fakeProvider(name: string, reply: Observable<string>, seen: unknown[] = []): Provider {
  return {
    name,
    url: 'https://fake.invalid',
    working: true,
    supportsStream: true,
    supportsGpt35Turbo: false,
    supportsGpt4: true,
    supportsModel: () => true,
    createCompletion: (_model, _messages, _stream, options) => {
      seen.push(options);
      return reply;
    },
  };
}

describe('createCompletion with an explicit `provider`', () => {
  it('uses it even when automatic selection would skip it (Aivvm, working: false)', async () => {
    serverA.enqueue({ chunks: ['Hel', 'lo'], delayMs: 2 });
    const { completion$, answeredBy } = complete({
      provider: Aivvm,
      providerOptions: { baseURL: serverA.url },
      registry: new ProviderRegistry().register(Aivvm),
    });
    const { values, error, completed } = await collect(completion$);
    expect(error).toBeUndefined();
    expect(completed).toBe(true);
    expect(values.join('')).toBe('Hello');
    expect(answeredBy).toEqual(['Aivvm']);
    expect(serverA.requests).toHaveLength(1);
    expect(serverA.requests[0]?.path).toBe('/api/chat');
  });

  it('finds it by its registered name, with its registered options', async () => {
    serverB.enqueue({ text: 'from b' });
    const { completion$, answeredBy } = complete({
      provider: 'b',
      registry: aivvmOn({ a: serverA, b: serverB }),
    });
    const { values } = await collect(completion$);
    expect(values.join('')).toBe('from b');
    expect(answeredBy).toEqual(['b']);
    expect(serverA.requests).toHaveLength(0);
  });

  it('passes the completion options to it', async () => {
    serverA.enqueue({ text: 'ok' });
    const { completion$ } = complete({
      provider: Aivvm,
      providerOptions: { baseURL: serverA.url },
      systemMessage: 'Be brief',
      temperature: 0.1,
    });
    await collect(completion$);
    expect(serverA.requests[0]?.json()).toMatchObject({ prompt: 'Be brief', temperature: 0.1 });
  });

  it('errors with ModelNotSupportedError, not AllProvidersFailedError, and sends nothing', async () => {
    const before = servers().map(countsOf);
    const ollama = new OpenAICompatible({
      baseURL: `${serverB.url}/v1`,
      name: 'ollama',
      models: ['llama3.2'],
    });
    const { completion$: aivvm$, answeredBy } = complete({
      model: 'llama3.2',
      provider: Aivvm,
      providerOptions: { baseURL: serverA.url },
    });
    const { completion$: ollama$ } = complete({ provider: ollama });
    const [fromAivvm, fromOllama] = await Promise.all([collect(aivvm$), collect(ollama$)]);
    expect(ModelNotSupportedError.isInstance(fromAivvm.error)).toBe(true);
    expect(fromAivvm.error).toMatchObject({ model: 'llama3.2', provider: 'Aivvm' });
    expect(ModelNotSupportedError.isInstance(fromOllama.error)).toBe(true);
    expect(fromOllama.error).toMatchObject({ model: 'gpt-4', provider: 'ollama' });
    expect(fromAivvm.values).toEqual([]);
    expect(answeredBy).toEqual([]);
    for (const [index, server] of servers().entries()) {
      await expectNothingSent(server, before[index] ?? countsOf(server), `server ${index}`);
    }
  });

  it('errors on subscribe with InvalidRequestError (field provider) for a name that is not registered', async () => {
    const registry = aivvmOn({ a: serverA });
    let completion$: Observable<string> | undefined;
    expect(
      () => (completion$ = complete({ provider: 'nope', registry }).completion$),
    ).not.toThrow();
    const { error } = await collect(completion$!);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'provider', provider: 'createCompletion' });
    expect((error as Error).message).toContain('registered: a');
    const listed = await collect(complete({ providers: ['a', 'nope'], registry }).completion$);
    expect(listed.error).toMatchObject({ field: 'providers[1]' });
    expect(serverA.requests).toHaveLength(0);
  });

  it('passes every completion option given at the top level to the provider (maxInputBytes, timeout, ...)', async () => {
    const seen: unknown[] = [];
    const options = {
      systemMessage: 'Be brief',
      temperature: 0.2,
      timeout: { first: 1000, each: 500 },
      maxInputBytes: 1,
      maxTokens: 7,
    };
    const provider = fakeProvider('fake', of('ok'), seen);
    await collect(createCompletion({ model: 'gpt-4', messages, provider, ...options }));
    await collect(
      createCompletion({ model: 'gpt-4', messages, providers: [provider], ...options }),
    );
    expect(seen).toEqual([options, options]);
  });

  it('lets a top-level maxInputBytes reach a real provider: InvalidRequestError, nothing sent', async () => {
    const { error } = await collect(
      complete({ provider: Aivvm, providerOptions: { baseURL: serverA.url }, maxInputBytes: 1 })
        .completion$,
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(serverA.requests).toHaveLength(0);
  });

  it.each([
    ['a single provider', (p: Provider) => ({ provider: p })],
    [
      'a fallback list',
      (p: Provider) => ({
        providers: [
          fakeProvider(
            'down',
            throwError(() => new Error('down')),
          ),
          p,
        ],
      }),
    ],
  ])('makes a throwing onProvider an error after the first chunk, with %s', async (_, choose) => {
    const thrown = new Error('onProvider failed');
    const result = await collect(
      createCompletion({
        model: 'gpt-4',
        messages,
        ...choose(fakeProvider('up', of('first', 'second'))),
        onProvider: () => {
          throw thrown;
        },
      }),
    );
    expect(result.values).toEqual(['first']);
    expect(result.error).toBe(thrown);
  });

  it('tells `onProvider` for an empty reply too, as with `providers`', async () => {
    serverA.enqueue({ text: '' }, { text: '' });
    const registry = aivvmOn({ a: serverA });
    const alone = complete({ provider: 'a', registry });
    const listed = complete({ providers: ['a'], registry });
    expect((await collect(alone.completion$)).completed).toBe(true);
    expect((await collect(listed.completion$)).completed).toBe(true);
    expect(listed.answeredBy).toEqual(['a']);
    expect(alone.answeredBy).toEqual(['a']);
  });
});

describe('createCompletion falling back across `providers`', () => {
  it('takes the second provider when the first answers 500, and names it', async () => {
    serverA.enqueue({ status: 500 });
    serverB.enqueue({ chunks: ['from ', 'b'], delayMs: 2 });
    const { completion$, answeredBy } = complete({
      providers: ['a', 'b'],
      registry: aivvmOn({ a: serverA, b: serverB }),
    });
    const { values, error, completed } = await collect(completion$);
    expect(error).toBeUndefined();
    expect(completed).toBe(true);
    expect(values.join('')).toBe('from b');
    expect(answeredBy).toEqual(['b']);
    expect(serverA.requests).toHaveLength(1);
    expect(serverB.requests).toHaveLength(1);
    expect(serverB.requests[0]!.receivedAt).toBeGreaterThanOrEqual(serverA.requests[0]!.receivedAt);
  });

  it('passes on a reset after the first chunk: the text before it, then NetworkError, no fallback', async () => {
    serverA.enqueue({ text: 'Hello, stream!', chunkSize: 3, delayMs: 2, resetAfterBytes: 9 });
    const beforeB = countsOf(serverB);
    const { completion$, answeredBy } = complete({
      providers: ['a', 'b'],
      registry: aivvmOn({ a: serverA, b: serverB }),
    });
    const { values, error } = await collect(completion$);
    expect(values.join('')).toBe('Hello, st');
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(AllProvidersFailedError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ provider: 'Aivvm', bytesReceived: 9 });
    expect(answeredBy).toEqual(['a']);
    await expectNothingSent(serverB, beforeB, 'the second provider');
  });

  it('errors with AllProvidersFailedError listing each provider’s error in order, without the key', async () => {
    serverA.enqueue({ upstreamError: 'quota exceeded' });
    const port = await refusedPort();
    const registry = aivvmOn({ a: serverA });
    registry.register(Aivvm, { name: 'down', options: { baseURL: `http://127.0.0.1:${port}` } });
    // No such route on the loopback server: a 404 once the request (with its key) was sent.
    const openai = new OpenAICompatible({
      baseURL: `${serverB.url}/missing/v1`,
      name: 'openai',
      apiKey: SECRET,
    });
    const { completion$, answeredBy } = complete({ providers: ['a', openai, 'down'], registry });
    const { values, error } = await collect(completion$);
    expect(values).toEqual([]);
    expect(answeredBy).toEqual([]);
    expect(AllProvidersFailedError.isInstance(error)).toBe(true);
    const { failures, message, cause } = error as AllProvidersFailedError;
    expect(failures.map((failure) => failure.provider)).toEqual(['a', 'openai', 'down']);
    expect(HttpStatusError.isInstance(failures[0]?.error)).toBe(true);
    expect(failures[0]?.error).toMatchObject({ status: 500, statusText: 'quota exceeded' });
    expect(HttpStatusError.isInstance(failures[1]?.error)).toBe(true);
    expect(failures[1]?.error).toMatchObject({ status: 404, provider: 'openai' });
    expect(NetworkError.isInstance(failures[2]?.error)).toBe(true);
    expect(failures[2]?.error).toMatchObject({ errno: 'ECONNREFUSED' });
    expect(cause).toBe(failures[2]?.error);
    expect(message).toMatch(
      /^All 3 providers failed: a \(HttpStatusError: .*; openai \(HttpStatusError: .*; down \(NetworkError: /,
    );
    // The key did go out, and stays out of everything the error prints.
    expect(serverB.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    const printed = [
      JSON.stringify(error),
      inspect(error, { depth: Infinity, showHidden: true }),
      String(error),
      message,
    ];
    for (const text of printed) expect(text).not.toContain('SECRET');
    expect(JSON.stringify(error)).toContain('quota exceeded');
  });

  it('wraps a listed provider that does not serve the model in AllProvidersFailedError, and moves on', async () => {
    serverA.enqueue({ text: 'aivvm' });
    const ollama = new OpenAICompatible({
      baseURL: `${serverB.url}/v1`,
      name: 'ollama',
      models: ['llama3.2'],
    });
    const { completion$, answeredBy } = complete({
      providers: [ollama, 'a'],
      registry: aivvmOn({ a: serverA }),
    });
    const { values } = await collect(completion$);
    expect(values.join('')).toBe('aivvm');
    expect(answeredBy).toEqual(['a']);
    expect(serverB.requests).toHaveLength(0);
  });

  it('passes InvalidRequestError through at once: bad input is not a reason to try the next provider', async () => {
    const [beforeA, beforeB] = [countsOf(serverA), countsOf(serverB)];
    const { completion$, answeredBy } = complete({
      providers: ['a', 'b'],
      registry: aivvmOn({ a: serverA, b: serverB }),
      temperature: Number.NaN,
    });
    const { error } = await collect(completion$);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(answeredBy).toEqual([]);
    await expectNothingSent(serverA, beforeA, 'the first provider');
    await expectNothingSent(serverB, beforeB, 'the second provider');
  });
});

describe('createCompletion selecting providers automatically', () => {
  it('tries the working providers that serve the model, in registration order', async () => {
    serverA.enqueue({ text: 'from a' });
    const registry = new ProviderRegistry().register(Aivvm, {
      name: 'off',
      options: { baseURL: serverC.url },
    });
    registry.register(Aivvm, { name: 'a', working: true, options: { baseURL: serverA.url } });
    registry.register(Aivvm, { name: 'b', working: true, options: { baseURL: serverB.url } });
    const { completion$, answeredBy } = complete({ registry });
    const { values } = await collect(completion$);
    expect(values.join('')).toBe('from a');
    expect(answeredBy).toEqual(['a']);
    expect(serverC.requests).toHaveLength(0);
    expect(serverB.requests).toHaveLength(0);
  });

  it('falls back to the next selected provider on an error before the first chunk', async () => {
    serverA.enqueue({ status: 503 });
    serverB.enqueue({ text: 'from b' });
    const { completion$, answeredBy } = complete({ registry: aivvmOn({ a: serverA, b: serverB }) });
    const { values } = await collect(completion$);
    expect(values.join('')).toBe('from b');
    expect(answeredBy).toEqual(['b']);
  });

  it('errors with NoWorkingProviderError naming the registered providers that serve the model but are not working', async () => {
    const before = servers().map(countsOf);
    const registry = aivvmOn({ a: serverA, b: serverB });
    registry.register(Aivvm, { name: 'off', working: false, options: { baseURL: serverC.url } });
    const unknownModel = await collect(complete({ model: 'llama3.2', registry }).completion$);
    expect(NoWorkingProviderError.isInstance(unknownModel.error)).toBe(true);
    expect(unknownModel.error).toMatchObject({ model: 'llama3.2', notWorking: [] });
    registry.setWorking('a', false);
    registry.setWorking('b', false);
    const noneWorking = await collect(complete({ registry }).completion$);
    expect(NoWorkingProviderError.isInstance(noneWorking.error)).toBe(true);
    expect(noneWorking.error).toMatchObject({
      code: 'NO_WORKING_PROVIDER',
      notWorking: ['a', 'b', 'off'],
    });
    expect((noneWorking.error as Error).message).toContain(
      'a, b, off serve it but are marked not working',
    );
    for (const [index, server] of servers().entries()) {
      await expectNothingSent(server, before[index] ?? countsOf(server), `server ${index}`);
    }
  });

  it('with `shuffle: true`, tries the selected providers in random order', async () => {
    serverA.enqueue({ text: 'from a' });
    serverB.enqueue({ text: 'from b' });
    const registry = aivvmOn({ a: serverA, b: serverB });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0); // swaps the two
    const swapped = collect(complete({ registry, shuffle: true }).completion$);
    random.mockReturnValue(0.99); // keeps the order
    const kept = collect(complete({ registry, shuffle: true }).completion$);
    random.mockRestore();
    expect((await swapped).values.join('')).toBe('from b');
    expect((await kept).values.join('')).toBe('from a');
  });
});

describe('createCompletion hedging', () => {
  /** Hedged across a and b, the hedge timer on `scheduler` (fired by `scheduler.flush()`). */
  const hedged = (
    after: number,
    scheduler = new VirtualTimeScheduler(),
  ): ReturnType<typeof complete> & { readonly scheduler: VirtualTimeScheduler } => ({
    ...complete({
      providers: ['a', 'b'],
      registry: aivvmOn({ a: serverA, b: serverB }),
      hedge: { after },
      scheduler,
    }),
    scheduler,
  });
  /** Long enough never to answer within a test: the request is closed by the client. */
  const NEVER_MS = 30_000;

  it('starts the second provider when the first is slow; the second wins and the first’s connection is closed', async () => {
    serverA.enqueue({ headersDelayMs: NEVER_MS, text: 'from a' });
    serverB.enqueue({ text: 'from b' });
    const { completion$, answeredBy, scheduler } = hedged(50);
    const result = collect(completion$);
    await serverA.waitForRequests(1);
    scheduler.flush(); // `after` has passed without a chunk from a
    const { values, error } = await result;
    expect(error).toBeUndefined();
    expect(values.join('')).toBe('from b');
    expect(answeredBy).toEqual(['b']);
    const [first] = serverA.requests;
    const [second] = serverB.requests;
    expect(second!.receivedAt).toBeGreaterThanOrEqual(first!.receivedAt);
    expect(await first!.closed).toBe('client-closed');
    expect(await second!.closed).toBe('completed');
  });

  it('never starts the second provider when the first answers in time', async () => {
    serverA.enqueue({ chunks: ['quick', ' reply'], delayMs: 2 });
    const beforeB = countsOf(serverB);
    const { completion$, answeredBy, scheduler } = hedged(100);
    const { values } = await collect(completion$);
    expect(values.join('')).toBe('quick reply');
    expect(answeredBy).toEqual(['a']);
    scheduler.flush(); // past `after`: the hedge timer is gone, not merely late
    await expectNothingSent(serverB, beforeB, 'the second provider');
  });

  it('lets the earlier first chunk win when both are slow, and closes the other', async () => {
    serverA.enqueue({ headersDelayMs: 20, text: 'from a' });
    serverB.enqueue({ headersDelayMs: NEVER_MS, text: 'from b' });
    const { completion$, answeredBy, scheduler } = hedged(50);
    const result = collect(completion$);
    scheduler.flush(); // both are started before either can answer
    const { values } = await result;
    expect(values.join('')).toBe('from a');
    expect(answeredBy).toEqual(['a']);
    expect(serverB.requests).toHaveLength(1); // the hedge did start
    expect(await serverB.requests[0]!.closed).toBe('client-closed');
    expect(await serverA.requests[0]!.closed).toBe('completed');
  });

  it('starts the next provider at once, without waiting for `after`, when the first fails', async () => {
    serverA.enqueue({ status: 500 });
    serverB.enqueue({ text: 'from b' });
    // The hedge timer is never fired: only the fallback can start b.
    const { values } = await collect(hedged(10_000).completion$);
    expect(values.join('')).toBe('from b');
  });

  it('errors on subscribe with InvalidRequestError (hedge.after) for an invalid `hedge.after`', async () => {
    for (const after of [-1, Number.NaN, Infinity, '50' as unknown as number]) {
      let completion$: Observable<string> | undefined;
      expect(
        () => (completion$ = createCompletion({ model: 'gpt-4', messages, hedge: { after } })),
      ).not.toThrow();
      const { error } = await collect(completion$!);
      expect(InvalidRequestError.isInstance(error), String(after)).toBe(true);
      expect(error).toMatchObject({ field: 'hedge.after' });
    }
  });

  it('paces the hedge with the given scheduler (virtual time)', () => {
    const testScheduler = new TestScheduler((actual, expected) => {
      expect(actual).toEqual(expected);
    });
    const answeredBy: string[] = [];
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('------a|');
      const fast = cold('-x|');
      const fake = (name: string, reply: Observable<string>): Provider => ({
        name,
        url: 'https://fake.invalid',
        working: true,
        supportsStream: true,
        supportsGpt35Turbo: false,
        supportsGpt4: true,
        supportsModel: () => true,
        createCompletion: () => reply,
      });
      const completion$ = createCompletion({
        model: 'gpt-4',
        messages,
        providers: [fake('slow', slow), fake('fast', fast)],
        hedge: { after: 3 },
        scheduler: testScheduler,
        onProvider: (name) => answeredBy.push(name),
      });
      expectObservable(completion$).toBe('----x|');
      expectSubscriptions(slow.subscriptions).toBe('^---!');
      expectSubscriptions(fast.subscriptions).toBe('---^-!');
    });
    expect(answeredBy).toEqual(['fast']);
  });
});
