import { NEVER, type Observable } from 'rxjs';
import { describe, it } from 'vitest';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { MAX_TIMER_MS } from '../../lib/operators/internal/timer-limit.js';
import type { Provider } from '../../lib/providers/provider.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';

function fake(name: string, reply: Observable<string>): Provider {
  return {
    name,
    url: 'https://fake.invalid',
    working: true,
    supportsStream: true,
    supportsGpt35Turbo: false,
    supportsGpt4: true,
    supportsModel: () => true,
    createCompletion: () => reply,
  };
}

describe('createCompletion hedge.after over the timer limit', () => {
  it('starts the next provider after 2³¹ − 1 ms, not at once, for hedge.after: 3e9', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const backup = cold('-x|');
      const completion$ = createCompletion({
        model: 'gpt-4',
        messages: [{ role: 'user', content: 'Hi' }],
        providers: [fake('silent', NEVER), fake('backup', backup)],
        hedge: { after: 3e9 },
        scheduler: testScheduler,
      });
      expectObservable(completion$).toBe(`${MAX_TIMER_MS}ms -x|`);
      expectSubscriptions(backup.subscriptions).toBe(`${MAX_TIMER_MS}ms ^-!`);
    });
  });
});
