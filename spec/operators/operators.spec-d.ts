import { of, type Observable, type OperatorFunction } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import { continueConversation } from '../../lib/conversation/continue-conversation.js';
import { converse } from '../../lib/conversation/converse.js';
import type { AssistantMessage, ChatMessage, Messages } from '../../lib/messages/chat-message.js';
import type { CompletionOptions } from '../../lib/providers/provider.js';
import { accumulateText } from '../../lib/operators/accumulate-text.js';
import { bufferLines } from '../../lib/operators/buffer-lines.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { smoothText } from '../../lib/operators/smooth-text.js';
import { timeoutCompletion } from '../../lib/operators/timeout-completion.js';
import { toMessage } from '../../lib/operators/to-message.js';

describe('operator types', () => {
  it('keeps the element type through retryCompletion and timeoutCompletion', () => {
    expectTypeOf(of(1).pipe(retryCompletion(), timeoutCompletion(5))).toEqualTypeOf<
      Observable<number>
    >();
  });

  it('maps text chunks to messages and text', () => {
    expectTypeOf(of('a').pipe(toMessage())).toEqualTypeOf<Observable<AssistantMessage>>();
    expectTypeOf(of('a').pipe(accumulateText(), bufferLines(), smoothText())).toEqualTypeOf<
      Observable<string>
    >();
  });

  it('accepts only text for the text operators', () => {
    // @ts-expect-error: numbers are not text chunks
    of(1).pipe(toMessage());
  });

  it('takes a provider’s `timeout` option as it is', () => {
    const timeout: NonNullable<CompletionOptions['timeout']> = { first: 10, each: 2 };
    expectTypeOf(timeoutCompletion<string>(timeout)).toEqualTypeOf<
      OperatorFunction<string, string>
    >();
  });

  it('types the conversation helpers', () => {
    expectTypeOf(continueConversation([], 'Hi', () => of('x'))).toEqualTypeOf<
      Observable<Messages>
    >();
    expectTypeOf(converse(() => ['x'])).toEqualTypeOf<
      OperatorFunction<string | ChatMessage, Messages>
    >();
  });
});
