import fc from 'fast-check';
import { of, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { Provider } from '../../lib/providers/provider.js';
import { defaultRegistry } from '../../lib/registry/default-registry.js';
import { ProviderRegistry } from '../../lib/registry/provider-registry.js';
import { shuffled } from '../../lib/race/shuffled.js';

/** A provider of our own: serves the models given, answers its name. */
function fakeProvider(name: string, models: readonly string[], working = true): Provider {
  return {
    name,
    url: `https://${name}.invalid`,
    working,
    supportsStream: true,
    supportsGpt35Turbo: models.some((model) => model.startsWith('gpt-3.5-turbo')),
    supportsGpt4: models.some((model) => model.startsWith('gpt-4')),
    supportsModel: (model) => models.includes(model),
    createCompletion: (): Observable<string> => of(name),
  };
}

const names = (registry: ProviderRegistry, model: string): string[] =>
  registry.select(model).map((entry) => entry.name);

describe('ProviderRegistry', () => {
  it('keeps a provider with its own flags, under its own name', () => {
    const registry = new ProviderRegistry().register(Aivvm);
    const entry = registry.get('Aivvm');
    expect(entry).toEqual({ name: 'Aivvm', provider: Aivvm, working: false, options: {} });
    expect(entry?.provider.supportsGpt4).toBe(true);
    expect(registry.list()).toEqual([entry]);
  });

  it('skips a provider that is not working in automatic selection (Aivvm ships working: false)', () => {
    const registry = new ProviderRegistry().register(Aivvm);
    expect(names(registry, 'gpt-4')).toEqual([]);
    expect(registry.get('Aivvm')?.provider).toBe(Aivvm); // explicit use still finds it
  });

  it('selects Aivvm once registered with working: true, with its options', () => {
    const registry = new ProviderRegistry().register(Aivvm, {
      working: true,
      options: { baseURL: 'http://127.0.0.1:9' },
    });
    expect(names(registry, 'gpt-4')).toEqual(['Aivvm']);
    expect(names(registry, '')).toEqual(['Aivvm']); // an empty model means gpt-3.5-turbo
    expect(registry.select('gpt-4')[0]?.options).toEqual({ baseURL: 'http://127.0.0.1:9' });
  });

  it('selects by model, in registration order', () => {
    const registry = new ProviderRegistry()
      .register(
        new OpenAICompatible({
          baseURL: 'http://127.0.0.1:1/v1',
          name: 'ollama',
          models: ['llama3.2'],
        }),
      )
      .register(Aivvm, { working: true })
      .register(new OpenAICompatible({ baseURL: 'http://127.0.0.1:2/v1', name: 'any' }))
      .register(fakeProvider('mine', ['llama3.2', 'gpt-4']));
    expect(names(registry, 'llama3.2')).toEqual(['ollama', 'any', 'mine']);
    expect(names(registry, 'gpt-4')).toEqual(['Aivvm', 'any', 'mine']);
    expect(names(registry, 'gpt-3.5-turbo-16k')).toEqual(['Aivvm', 'any']);
    expect(names(registry, 'mistral')).toEqual(['any']);
  });

  it('skips an OpenAICompatible or custom provider built with working: false', () => {
    const registry = new ProviderRegistry()
      .register(
        new OpenAICompatible({ baseURL: 'http://127.0.0.1:1/v1', name: 'down', working: false }),
      )
      .register(fakeProvider('off', ['gpt-4'], false))
      .register(fakeProvider('on', ['gpt-4']));
    expect(names(registry, 'gpt-4')).toEqual(['on']);
  });

  it('lets register override the working flag both ways', () => {
    const registry = new ProviderRegistry()
      .register(fakeProvider('forced-off', ['m']), { working: false })
      .register(fakeProvider('forced-on', ['m'], false), { working: true });
    expect(names(registry, 'm')).toEqual(['forced-on']);
  });

  it('setWorking turns automatic selection of a provider off and on', () => {
    const registry = new ProviderRegistry()
      .register(fakeProvider('a', ['m']))
      .register(Aivvm)
      .register(fakeProvider('b', ['m', 'gpt-4']));
    registry.setWorking('Aivvm', true);
    expect(names(registry, 'gpt-4')).toEqual(['Aivvm', 'b']);
    registry.setWorking('b', false);
    expect(names(registry, 'gpt-4')).toEqual(['Aivvm']);
    expect(names(registry, 'm')).toEqual(['a']);
    expect(registry.get('b')?.working).toBe(false);
    registry.setWorking('b', true);
    expect(names(registry, 'm')).toEqual(['a', 'b']); // its place is kept
  });

  it('setWorking throws a RangeError for an unknown name', () => {
    expect(() => {
      new ProviderRegistry().setWorking('nope', true);
    }).toThrow(RangeError);
  });

  it('registers the same provider under several names, each with its own options', () => {
    const registry = new ProviderRegistry()
      .register(Aivvm, { name: 'east', working: true, options: { baseURL: 'http://127.0.0.1:1' } })
      .register(Aivvm, { name: 'west', working: true, options: { baseURL: 'http://127.0.0.1:2' } });
    expect(registry.select('gpt-4').map(({ name, options }) => [name, options.baseURL])).toEqual([
      ['east', 'http://127.0.0.1:1'],
      ['west', 'http://127.0.0.1:2'],
    ]);
  });

  it('replaces a provider registered again under the same name, in place', () => {
    const replacement = fakeProvider('a', ['other']);
    const registry = new ProviderRegistry()
      .register(fakeProvider('a', ['m']))
      .register(fakeProvider('b', ['m']))
      .register(replacement);
    expect(registry.list().map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(registry.get('a')?.provider).toBe(replacement);
    expect(names(registry, 'm')).toEqual(['b']);
  });

  it('unregisters by name and says whether it was there', () => {
    const registry = new ProviderRegistry().register(fakeProvider('a', ['m']));
    expect(registry.unregister('a')).toBe(true);
    expect(registry.unregister('a')).toBe(false);
    expect(registry.get('a')).toBeUndefined();
    expect(registry.list()).toEqual([]);
    expect(names(registry, 'm')).toEqual([]);
  });

  it('throws a TypeError for a provider without a name', () => {
    expect(() => new ProviderRegistry().register(fakeProvider('', ['m']))).toThrow(TypeError);
    const named = new ProviderRegistry().register(fakeProvider('', ['m']), { name: 'given' });
    expect(names(named, 'm')).toEqual(['given']);
  });

  it('the default registry holds Aivvm, not working', () => {
    expect(defaultRegistry.get('Aivvm')).toMatchObject({ provider: Aivvm, working: false });
    expect(defaultRegistry.select('gpt-4').some((entry) => entry.provider === Aivvm)).toBe(false);
  });
});

describe('shuffled', () => {
  it('is a Fisher–Yates shuffle driven by the given randomness', () => {
    expect(shuffled(['a', 'b', 'c'], () => 0)).toEqual(['b', 'c', 'a']);
    expect(shuffled(['a', 'b', 'c'], () => 0.999)).toEqual(['a', 'b', 'c']);
    const draws = [0.5, 0]; // index 2 swaps with 1, then index 1 with 0
    expect(shuffled(['a', 'b', 'c'], () => draws.shift() ?? 0)).toEqual(['c', 'a', 'b']);
  });

  it('shuffles the providers a registry selects, reproducibly for the same randomness', () => {
    const registry = new ProviderRegistry();
    for (const name of ['a', 'b', 'c', 'd']) registry.register(fakeProvider(name, ['m']));
    const seeded = (): (() => number) => {
      const draws = [0.1, 0.7, 0.4];
      return () => draws.shift() ?? 0;
    };
    const first = shuffled(registry.select('m'), seeded()).map((entry) => entry.name);
    const second = shuffled(registry.select('m'), seeded()).map((entry) => entry.name);
    expect(first).toEqual(['b', 'd', 'c', 'a']);
    expect(second).toEqual(first);
    expect(names(registry, 'm')).toEqual(['a', 'b', 'c', 'd']); // the registry is untouched
  });

  it('returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer()),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (items, draws) => {
          const input = [...items];
          const output = shuffled(items, () => draws.next().value as number);
          expect(items).toEqual(input);
          expect(output).not.toBe(items);
          const ascending = (x: number, y: number): number => x - y;
          expect([...output].sort(ascending)).toEqual([...input].sort(ascending));
        },
      ),
    );
  });

  it('can produce every order of three items', () => {
    const orders = new Set<string>();
    for (const x of [0, 0.4, 0.8]) {
      for (const y of [0, 0.6]) {
        const draws = [x, y];
        orders.add(shuffled(['a', 'b', 'c'], () => draws.shift() ?? 0).join(''));
      }
    }
    expect(orders.size).toBe(6);
  });
});
