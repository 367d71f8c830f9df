import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../lib/errors/aborted-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { NoWorkingProviderError } from '../../lib/errors/no-working-provider-error.js';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const messages = [{ role: 'user', content: 'Hi' }] as const;
const server = useLoopbackServer();

describe('the signal option', () => {
  it('Aivvm: an abort mid-stream ends it with AbortedError after the chunks, and aborts the request', async () => {
    server().enqueue({ text: 'one two three four five six', chunkSize: 4, delayMs: 30 });
    const controller = new AbortController();
    const seen: string[] = [];
    const ended = new Promise<unknown>((resolve) => {
      Aivvm.createCompletion('gpt-4', [...messages], true, {
        baseURL: server().url,
        signal: controller.signal,
      }).subscribe({
        next: (chunk) => {
          seen.push(chunk);
          controller.abort(new Error('stop pressed')); // the user presses Stop after a chunk
        },
        error: resolve,
        complete: () => {
          resolve('completed');
        },
      });
    });
    const error = await ended;
    expect(seen).toEqual(['one ']);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ABORTED', cause: new Error('stop pressed') });
    const [request] = await server().waitForRequests(1);
    expect(await request?.closed).toBe('client-closed');
  });

  it('OpenAICompatible: an abort mid-stream ends it with AbortedError after the chunks, and aborts the request', async () => {
    server().enqueue({
      path: '/v1/chat/completions',
      text: 'one two three four',
      chunkSize: 64,
      delayMs: 30,
    });
    const controller = new AbortController();
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const seen: string[] = [];
    const error = await new Promise<unknown>((resolve) => {
      provider
        .createCompletion('gpt-4o-mini', [...messages], true, { signal: controller.signal })
        .subscribe({
          next: (chunk) => {
            seen.push(chunk);
            controller.abort();
          },
          error: resolve,
          complete: () => {
            resolve('completed');
          },
        });
    });
    expect(seen).toHaveLength(1);
    expect(AbortedError.isInstance(error)).toBe(true);
    const [request] = await server().waitForRequests(1);
    expect(await request?.closed).toBe('client-closed');
  });

  it('refuses a signal that is not an AbortSignal with InvalidRequestError, before any request', async () => {
    const { error } = await collect(
      Aivvm.createCompletion('gpt-4', [...messages], true, {
        baseURL: server().url,
        signal: 'stop' as unknown as AbortSignal,
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'signal' });
    expect(server().requests).toHaveLength(0);
  });

  it('Aivvm: a signal aborted already sends nothing', async () => {
    const { error } = await collect(
      Aivvm.createCompletion('gpt-4', [...messages], true, {
        baseURL: server().url,
        signal: AbortSignal.abort(),
      }),
    );
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(server().requests).toHaveLength(0);
  });

  it('the facade: an abort while a provider is silent ends the run, and no other provider starts', async () => {
    server().enqueue({ stall: 'before-headers' });
    const controller = new AbortController();
    const done = collect(
      createCompletion({
        model: 'gpt-4',
        messages: [...messages],
        providers: [Aivvm, Aivvm],
        providerOptions: { baseURL: server().url },
        signal: controller.signal,
      }),
    );
    const [request] = await server().waitForRequests(1);
    controller.abort();
    const { error, values } = await done;
    expect(values).toEqual([]);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(await request?.closed).toBe('client-closed');
    expect(server().requests).toHaveLength(1);
  });

  it('the facade with the default registry: gpt-4 is served by Aivvm, which is not working', async () => {
    const { error } = await collect(createCompletion({ model: 'gpt-4', messages: [...messages] }));
    expect(NoWorkingProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ model: 'gpt-4', notWorking: ['Aivvm'] });
  });
});

describe("an axios instance's default signal", () => {
  it('is honoured beside the request own: aborting it ends the completion and the request', async () => {
    server().enqueue({ stall: 'after-headers' });
    const controller = new AbortController();
    const completion$ = Aivvm.createCompletion('gpt-4', [...messages], true, {
      baseURL: server().url,
      axios: axios.create({ signal: controller.signal }),
    });
    const done = collect(completion$);
    const [request] = await server().waitForRequests(1);
    controller.abort();
    const { error } = await done;
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(await request?.closed).toBe('client-closed');
  });
});
