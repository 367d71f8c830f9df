import { catchError, mergeScan, of, take, type Observable } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { continueConversation } from '../../lib/conversation/continue-conversation.js';
import { converse } from '../../lib/conversation/converse.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';
import { synchronousSource } from '../operators/support/synchronous-source.js';

const system: Messages = [{ role: 'system', content: 'Be brief.' }];

describe('converse', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits the history after each turn, each completion seeing the whole conversation', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const input = hot('-a------b-----|', { a: 'Hi', b: 'Bye' });
      const replies = [cold('-x-y|', { x: 'Hel', y: 'lo' }), cold('--z|', { z: 'Ciao' })];
      const seen: Messages[] = [];
      const complete = (messages: Messages): Observable<string> => {
        seen.push(messages);
        return replies[seen.length - 1]!;
      };
      const h1: Messages = [
        ...system,
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ];
      const h2: Messages = [
        ...h1,
        { role: 'user', content: 'Bye' },
        { role: 'assistant', content: 'Ciao' },
      ];
      expectObservable(input.pipe(converse(complete, system))).toBe('-----h-----i--|', {
        h: h1,
        i: h2,
      });
      expectSubscriptions(replies[0]!.subscriptions).toBe('-^---!');
      expectSubscriptions(replies[1]!.subscriptions).toBe('--------^--!');
      testScheduler.flush();
      expect(seen).toEqual([
        [...system, { role: 'user', content: 'Hi' }],
        [...h1, { role: 'user', content: 'Bye' }],
      ]);
    });
  });

  it('queues a message sent while a reply streams, and completes after the last turn', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const input = hot('-ab|', { a: 'one', b: 'two' });
      const reply = cold('---r|', { r: 'ok' });
      expectObservable(input.pipe(converse(() => reply))).toBe('-----h---(i|)', {
        h: [
          { role: 'user', content: 'one' },
          { role: 'assistant', content: 'ok' },
        ],
        i: [
          { role: 'user', content: 'one' },
          { role: 'assistant', content: 'ok' },
          { role: 'user', content: 'two' },
          { role: 'assistant', content: 'ok' },
        ],
      });
      expectSubscriptions(reply.subscriptions).toBe(['-^---!', '-----^---!']);
    });
  });

  it('errors the stream when a turn fails', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const input = hot('-a--b|', { a: 'one', b: 'two' });
      const reply = cold('-#', undefined, new Error('down'));
      expectObservable(input.pipe(converse(() => reply))).toBe('--#', undefined, new Error('down'));
    });
  });

  it('keeps chatting after a failed turn when built from continueConversation and mergeScan', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const input = hot('-a--b|', { a: 'one', b: 'two' });
      const failed = cold('-#', undefined, new Error('down'));
      const succeeded = cold('-(r|)', { r: 'ok' });
      let calls = 0;
      const complete = (): Observable<string> => (calls++ === 0 ? failed : succeeded);
      const chat$ = input.pipe(
        mergeScan(
          (history: Messages, text: string) =>
            continueConversation(history, text, complete).pipe(catchError(() => of(history))),
          system,
          1,
        ),
      );
      expectObservable(chat$).toBe('--a--(b|)', {
        a: system,
        b: [...system, { role: 'user', content: 'two' }, { role: 'assistant', content: 'ok' }],
      });
    });
  });

  it('cancels the completion in flight when unsubscribed', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const input = hot('-a---|', { a: 'one' });
      const reply = cold('-x-y-z|', { x: 'a', y: 'b', z: 'c' });
      expectObservable(input.pipe(converse(() => reply)), '^--!').toBe('---');
      expectSubscriptions(reply.subscriptions).toBe('-^-!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => `message ${index}`);
    source
      .pipe(
        converse(() => of('ok')),
        take(3),
      )
      .subscribe();
    expect(sideEffects).toEqual(['message 0', 'message 1', 'message 2']);
  });
});
