import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect, collectCompleted } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const server = useLoopbackServer();

function sentBody(index = 0): Record<string, unknown> {
  const body = server().requests[index]?.body ?? new Uint8Array();
  return JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
}

describe('createCompletion({ ... }): the options-object form', () => {
  it('OpenAICompatible: prompt is one user message, stream defaults to true', async () => {
    server().enqueue({ path: '/v1/chat/completions', text: 'hi there' });
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const chunks = await collectCompleted(
      provider.createCompletion({ model: 'gpt-4o-mini', prompt: 'Hello', temperature: 0 }),
    );
    expect(chunks.join('')).toBe('hi there');
    expect(sentBody()).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      temperature: 0,
    });
  });

  it('OpenAICompatible: stream: false gives the whole reply once, events too', async () => {
    server().enqueue({ path: '/v1/chat/completions', text: 'whole' });
    server().enqueue({ path: '/v1/chat/completions', text: 'evented' });
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const messages = [{ role: 'user', content: 'Hi' }] as const;
    expect(
      await collectCompleted(
        provider.createCompletion({ model: 'm', messages: [...messages], stream: false }),
      ),
    ).toEqual(['whole']);
    const events = await collectCompleted(
      provider.createCompletionEvents({ model: 'm', messages: [...messages] }),
    );
    expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(0);
    expect(sentBody(0)).toMatchObject({ stream: false });
    expect(sentBody(1)).toMatchObject({ stream: true });
  });

  it('Aivvm: the same object form, with its own options', async () => {
    server().enqueue({ text: 'Привет' });
    const chunks = await collectCompleted(
      Aivvm.createCompletion({
        model: 'gpt-4',
        prompt: 'Hi',
        baseURL: server().url,
        temperature: 0.1,
      }),
    );
    expect(chunks.join('')).toBe('Привет');
    expect(sentBody()).toMatchObject({
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.1,
    });
  });

  it('refuses prompt and messages together with InvalidRequestError on subscribe, sending nothing', async () => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const both = { model: 'm', prompt: 'a', messages: [{ role: 'user', content: 'b' }] } as never;
    for (const completion$ of [
      provider.createCompletion(both),
      Aivvm.createCompletion(both),
      createCompletion({ ...(both as object), provider: provider } as never),
    ]) {
      const { error } = await collect(completion$);
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field: 'prompt' });
    }
    expect(server().requests).toHaveLength(0);
  });

  it('the facade takes prompt too', async () => {
    server().enqueue({ path: '/v1/chat/completions', text: 'via facade' });
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const chunks = await collectCompleted(
      createCompletion({ model: 'gpt-4o-mini', prompt: 'Yo', provider }),
    );
    expect(chunks.join('')).toBe('via facade');
    expect(sentBody()).toMatchObject({ messages: [{ role: 'user', content: 'Yo' }] });
  });

  it('new OpenAICompatible() talks to OpenAI itself, as the official SDK does', () => {
    expect(new OpenAICompatible().url).toBe('https://api.openai.com/v1');
  });
});
