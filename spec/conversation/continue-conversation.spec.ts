import { of, type Observable } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { continueConversation } from '../../lib/conversation/continue-conversation.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';

const history: Messages = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello' },
];

describe('continueConversation', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits the history with the user’s message and the reply when the completion completes', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const reply = cold('-a-b|', { a: 'Bon', b: 'jour' });
      const complete = vi.fn(() => reply);
      expectObservable(continueConversation(history, 'In French?', complete)).toBe('----(h|)', {
        h: [
          ...history,
          { role: 'user', content: 'In French?' },
          { role: 'assistant', content: 'Bonjour' },
        ],
      });
      expectSubscriptions(reply.subscriptions).toBe('^---!');
    });
  });

  it('sends the history and the new message to `complete`, without modifying the history', () => {
    const before = structuredClone(history);
    const complete = vi.fn<(messages: Messages) => Observable<string>>(() => of('ok'));
    continueConversation(history, 'Next', complete).subscribe();
    expect(complete).toHaveBeenCalledWith([...history, { role: 'user', content: 'Next' }]);
    expect(history).toEqual(before);
  });

  it('takes a whole message as the next one', () => {
    let result: Messages = [];
    const note = { role: 'system', content: 'Answer in French.' } as const;
    continueConversation([], note, () => of('Oui')).subscribe((value) => (result = value));
    expect(result).toEqual([note, { role: 'assistant', content: 'Oui' }]);
  });

  it('is lazy: `complete` is called on each subscription, not before', () => {
    const complete = vi.fn(() => of('x'));
    const turn$ = continueConversation(history, 'Hi', complete);
    expect(complete).not.toHaveBeenCalled();
    turn$.subscribe();
    turn$.subscribe();
    expect(complete).toHaveBeenCalledTimes(2);
  });

  it('passes an error on without emitting a partial history', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const reply = cold('-a-#', { a: 'Bon' }, new Error('reset'));
      expectObservable(continueConversation(history, 'Hi', () => reply)).toBe(
        '---#',
        undefined,
        new Error('reset'),
      );
    });
  });

  it('errors when `complete` throws', () => {
    testScheduler.run(({ expectObservable }) => {
      const complete = (): never => {
        throw new Error('no provider');
      };
      expectObservable(continueConversation(history, 'Hi', complete)).toBe(
        '#',
        undefined,
        new Error('no provider'),
      );
    });
  });

  it('cancels the completion when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const reply = cold('-a-b-c|', { a: 'x', b: 'y', c: 'z' });
      expectObservable(
        continueConversation(history, 'Hi', () => reply),
        '^--!',
      ).toBe('---');
      expectSubscriptions(reply.subscriptions).toBe('^--!');
    });
  });
});
