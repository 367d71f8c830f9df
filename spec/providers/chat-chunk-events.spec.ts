import type { EventSourceMessage } from 'eventsource-parser';
import { from, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { StreamError } from '../../lib/errors/stream-error.js';
import { chatChunkEvents } from '../../lib/providers/openai-compatible/chat-chunk-events.js';
import { chatCompletionEvents } from '../../lib/providers/openai-compatible/chat-completion-object-events.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { itHonoursTheOperatorContract } from '../operators/support/operator-contract.js';
import { collect } from '../support/collect.js';

const message = (data: string, event?: string): EventSourceMessage => ({
  id: undefined,
  event,
  data,
});
const delta = (content: unknown): EventSourceMessage =>
  message(JSON.stringify({ choices: [{ index: 0, delta: { content } }] }));
const whole = (content: unknown): string =>
  JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] });

function run(events: readonly EventSourceMessage[]) {
  return collect(from(events).pipe(chatChunkEvents('Test')));
}

const texts = (values: readonly CompletionEvent[]): string[] =>
  values.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));

describe('chatChunkEvents', () => {
  itHonoursTheOperatorContract({
    operator: () => chatChunkEvents('Test'),
    valueAt: (index) => delta(`chunk ${index}`),
    poison: null as unknown as EventSourceMessage,
  });

  it.each([
    ['a number', 42],
    ['a boolean', true],
    ['an object', { text: 'a' }],
    ['an array with other elements', [{ type: 'image_url', image_url: 'x' }]],
  ])(
    'errors with StreamError (unexpected-shape) for a delta.content that is %s, after the text',
    async (_, content) => {
      const result = await run([
        delta('before'),
        delta(content),
        delta('after'),
        message('[DONE]'),
      ]);
      expect(texts(result.values)).toEqual(['before']);
      expect(StreamError.isInstance(result.error)).toBe(true);
      expect(result.error).toMatchObject({
        kind: 'unexpected-shape',
        excerpt: expect.stringContaining('content'),
      });
    },
  );

  it('reads an array of text content parts as its text', async () => {
    const parts = [
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
    ];
    const result = await run([delta(parts), message('[DONE]')]);
    expect(texts(result.values)).toEqual(['Hello']);
    expect(result.completed).toBe(true);
  });

  it.each([
    ['its JSON message', '{"type":"overloaded_error","message":"Overloaded"}', 'Overloaded'],
    [
      'the message of its error object',
      '{"error":{"message":"rate limited","type":"x"}}',
      'rate limited',
    ],
    ['its text when it is not JSON', 'upstream went away', 'upstream went away'],
  ])(
    'errors with StreamError (server-error) for event: error, with %s, after the text',
    async (_, data, detail) => {
      const result = await run([delta('partial'), message(data, 'error'), message('[DONE]')]);
      expect(texts(result.values)).toEqual(['partial']);
      expect(result.error).toMatchObject({ kind: 'server-error', detail });
    },
  );

  it.each([
    ['a string', '{"error":"boom"}', 'boom'],
    [
      'an object with a message',
      '{"error":{"message":"bad things","type":"server_error"}}',
      'bad things',
    ],
    ['an object with a type only', '{"error":{"type":"server_error"}}', 'server_error'],
  ])('takes the detail of an error field that is %s from it', async (_, data, detail) => {
    const result = await run([message(data)]);
    expect(result.error).toMatchObject({ kind: 'server-error', detail });
  });

  it('completes at data: [DONE] at once and unsubscribes the source, though it stays open', () => {
    const source = new Subject<EventSourceMessage>();
    const seen: string[] = [];
    chatChunkEvents('Test')(source).subscribe({
      next: (event) => seen.push(event.type),
      error: () => seen.push('error'),
      complete: () => seen.push('complete'),
    });
    source.next(delta('a'));
    source.next(message('[DONE]'));
    expect(seen).toEqual(['text-delta', 'complete']);
    expect(source.observed).toBe(false);
  });
});

describe('chatCompletionEvents (one whole reply)', () => {
  it.each([
    ['an empty string', ''],
    ['null', null],
  ])('gives one empty text-delta when message.content is %s', (_, content) => {
    expect([...chatCompletionEvents(whole(content), 'Test')]).toEqual([
      { type: 'text-delta', text: '' },
    ]);
  });

  it('reads text content parts in message.content', () => {
    const content = [
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ];
    expect([...chatCompletionEvents(whole(content), 'Test')]).toEqual([
      { type: 'text-delta', text: 'ab' },
    ]);
  });

  it.each([[42], [true], [{ a: 1 }]])(
    'throws StreamError (unexpected-shape) for message.content %j',
    (content) => {
      expect(() => [...chatCompletionEvents(whole(content), 'Test')]).toThrow(
        expect.objectContaining({ kind: 'unexpected-shape' }) as Error,
      );
    },
  );
});
