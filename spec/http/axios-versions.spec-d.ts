import legacyAxios from 'axios-1-7';
import { describe, expectTypeOf, it } from 'vitest';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';

describe('an axios instance from another axios 1.x (1.7.9, whose types lack newer members)', () => {
  it('is accepted by both providers', () => {
    const instance = legacyAxios.create({ adapter: 'fetch' });
    expectTypeOf(Aivvm.createCompletion('gpt-4', [], true, { axios: instance })).toEqualTypeOf<
      import('rxjs').Observable<string>
    >();
    expectTypeOf(
      new OpenAICompatible({ baseURL: 'http://127.0.0.1:1/v1', axios: instance }),
    ).toEqualTypeOf<OpenAICompatible>();
  });
});
