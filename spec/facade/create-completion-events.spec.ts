import { lastValueFrom, of, toArray, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { createCompletionEvents } from '../../lib/facade/create-completion-events.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { Provider } from '../../lib/providers/provider.js';
import { ProviderRegistry } from '../../lib/registry/provider-registry.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const server = useLoopbackServer();

function textOnlyProvider(name: string, chunks: readonly string[]): Provider {
  return {
    name,
    url: 'https://text-only.invalid',
    working: true,
    supportsStream: true,
    supportsGpt35Turbo: false,
    supportsGpt4: true,
    supportsModel: () => true,
    createCompletion: () => of(...chunks),
  };
}

const all = <T>(source: Observable<T>): Promise<T[]> => lastValueFrom(source.pipe(toArray()));

describe('createCompletionEvents (the facade, for events)', () => {
  it("emits the provider's events: text deltas, finish and usage", async () => {
    server().enqueue({ text: 'Hello there' });
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1`, apiKey: 'k' });
    const events = await all(
      createCompletionEvents({ model: 'gpt-4o-mini', prompt: 'Hi', provider }),
    );
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
    expect(text.join('')).toBe('Hello there');
    expect(events.map((event) => event.type)).toContain('finish');
    expect(events.at(-1)?.type).toBe('usage');
  });

  it('reads a provider without createCompletionEvents as text-delta events', async () => {
    const events = await all(
      createCompletionEvents({
        model: 'any',
        prompt: 'Hi',
        provider: textOnlyProvider('mine', ['a', 'b']),
      }),
    );
    expect(events).toEqual<CompletionEvent[]>([
      { type: 'text-delta', text: 'a' },
      { type: 'text-delta', text: 'b' },
    ]);
  });

  it('falls back across providers as createCompletion does', async () => {
    server().enqueue({ path: '/v1/chat/completions', status: 503 });
    server().enqueue({ path: '/v1/chat/completions', text: 'from the second' });
    const registry = new ProviderRegistry()
      .register(new OpenAICompatible({ baseURL: `${server().url}/v1`, name: 'first', apiKey: 'k' }))
      .register(
        new OpenAICompatible({ baseURL: `${server().url}/v1`, name: 'second', apiKey: 'k' }),
      );
    const answered: string[] = [];
    const events = await all(
      createCompletionEvents({
        model: 'gpt-4o-mini',
        prompt: 'Hi',
        registry,
        onProvider: (name) => answered.push(name),
      }),
    );
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
    expect(text.join('')).toBe('from the second');
    expect(answered).toEqual(['second']);
  });

  it('refuses bad tool options on subscribe with the provider’s InvalidRequestError', async () => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1`, apiKey: 'k' });
    const error: unknown = await all(
      createCompletionEvents({ model: 'm', prompt: 'Hi', provider, toolChoice: 'required' }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', field: 'toolChoice' });
    expect(server().requests).toHaveLength(0);
  });
});
