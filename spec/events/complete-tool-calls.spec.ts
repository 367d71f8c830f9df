import fc from 'fast-check';
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { StreamError } from '../../lib/errors/stream-error.js';
import { completeToolCalls } from '../../lib/events/complete-tool-calls.js';
import type { CompletionEvent, ToolCallEvent } from '../../lib/events/completion-event.js';
import { itHonoursTheOperatorContract } from '../operators/support/operator-contract.js';
import { collect, collectCompleted } from '../support/collect.js';

const delta = (
  index: number,
  argumentsDelta: string,
  extra: { id?: string; name?: string } = {},
): CompletionEvent => ({ type: 'tool-call-delta', index, argumentsDelta, ...extra });
const finish = (reason = 'tool_calls'): CompletionEvent => ({ type: 'finish', reason });

const complete = (events: readonly CompletionEvent[]) =>
  collect(from(events).pipe(completeToolCalls('Test')));
const calls = (values: readonly CompletionEvent[]): ToolCallEvent[] =>
  values.filter((event): event is ToolCallEvent => event.type === 'tool-call');

/** Cuts text at the given offsets (UTF-16 code units), keeping every piece, even empty ones. */
function cutAt(text: string, offsets: readonly number[]): string[] {
  const sorted = [...offsets].sort((a, b) => a - b);
  return [0, ...sorted].map((start, i) => text.slice(start, sorted[i] ?? text.length));
}

describe('completeToolCalls', () => {
  itHonoursTheOperatorContract({
    operator: () => completeToolCalls('Test'),
    valueAt: (index): CompletionEvent => ({ type: 'text-delta', text: `chunk ${index}` }),
    poison: null as unknown as CompletionEvent,
  });

  it('joins interleaved calls by index and emits them, in index order, right before finish', async () => {
    const events = [
      delta(1, '', { id: 'call_b', name: 'b' }),
      delta(0, '', { id: 'call_a', name: 'a' }),
      delta(1, '{"y":'),
      delta(0, '{"x":'),
      delta(0, '1}'),
      delta(1, '2}'),
      finish(),
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } },
    ] as const satisfies readonly CompletionEvent[];
    const { values, completed } = await complete(events);
    expect(completed).toBe(true);
    expect(values.slice(0, 6)).toEqual(events.slice(0, 6));
    expect(values.slice(6)).toEqual([
      {
        type: 'tool-call',
        index: 0,
        id: 'call_a',
        name: 'a',
        arguments: '{"x":1}',
        input: { x: 1 },
      },
      {
        type: 'tool-call',
        index: 1,
        id: 'call_b',
        name: 'b',
        arguments: '{"y":2}',
        input: { y: 2 },
      },
      events[6],
      events[7],
    ]);
  });

  it('gets the same input wherever the arguments are cut, inside a surrogate pair or a \\u escape', async () => {
    // The JSON text as the model wrote it: an emoji (two UTF-16 code units), an escape
    // written out (`\u00e9`, six characters), a multi-byte CJK character.
    const text = '{"mood":"😀","word":"caf\\u00e9","kanji":"漢字","n":[1,2.5e3]}';
    const expected = { mood: '😀', word: 'café', kanji: '漢字', n: [1, 2500] };
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }),
        async (offsets) => {
          const pieces = cutAt(text, offsets);
          const events = [
            delta(0, pieces[0] ?? '', { id: 'call_1', name: 'mood' }),
            ...pieces.slice(1).map((piece) => delta(0, piece)),
            finish(),
          ];
          const values = await collectCompleted(from(events).pipe(completeToolCalls('Test')));
          expect(calls(values)).toEqual([
            {
              type: 'tool-call',
              index: 0,
              id: 'call_1',
              name: 'mood',
              arguments: text,
              input: expected,
            },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cuts inside the \\u escape at every position (exhaustively)', async () => {
    const text = '{"c":"\\u00e9"}';
    for (let at = 0; at <= text.length; at += 1) {
      const values = await collectCompleted(
        from([delta(0, text.slice(0, at), { name: 'f' }), delta(0, text.slice(at)), finish()]).pipe(
          completeToolCalls('Test'),
        ),
      );
      expect(calls(values)[0]?.input).toEqual({ c: 'é' });
    }
  });

  it.each([[''], ['  \n']])('reads empty arguments %j as {}', async (args) => {
    const { values } = await complete([delta(0, args, { id: 'call_1', name: 'now' }), finish()]);
    expect(calls(values)).toEqual([
      { type: 'tool-call', index: 0, id: 'call_1', name: 'now', arguments: args, input: {} },
    ]);
  });

  it('names a call without an id call_<index>', async () => {
    const { values } = await complete([delta(3, '{}', { name: 'f' }), finish()]);
    expect(calls(values)[0]?.id).toBe('call_3');
  });

  it('keeps the first id and name of a call', async () => {
    const { values } = await complete([
      delta(0, '{', { id: 'call_1', name: 'first' }),
      delta(0, '}', { id: 'call_2', name: 'second' }),
      finish(),
    ]);
    expect(calls(values)).toMatchObject([{ id: 'call_1', name: 'first', arguments: '{}' }]);
  });

  it('emits the calls at the end when the stream has no finish', async () => {
    const { values, completed } = await complete([
      { type: 'text-delta', text: 'Calling.' },
      delta(0, '{"a":1}', { name: 'f' }),
    ]);
    expect(completed).toBe(true);
    expect(values.map((event) => event.type)).toEqual([
      'text-delta',
      'tool-call-delta',
      'tool-call',
    ]);
  });

  it('passes a reply without calls through unchanged', async () => {
    const events: CompletionEvent[] = [{ type: 'text-delta', text: 'Hi' }, finish('stop')];
    expect((await complete(events)).values).toEqual(events);
  });

  it('fails with invalid-tool-call after every event before it when the arguments are not JSON', async () => {
    const events = [
      { type: 'reasoning-delta', text: 'Hm' },
      delta(0, '{"city":"Par', { id: 'call_1', name: 'weather' }),
      finish(),
    ] as const satisfies readonly CompletionEvent[];
    const { values, error } = await complete(events);
    expect(values).toEqual(events.slice(0, 2));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      kind: 'invalid-tool-call',
      provider: 'Test',
      excerpt: '{"city":"Par',
    });
    expect((error as StreamError).detail).toContain('"weather"');
  });

  it('fails with invalid-tool-call when a call has no name, at the end too', async () => {
    const { values, error } = await complete([delta(0, '{}', { id: 'call_1' })]);
    expect(values).toHaveLength(1);
    expect(error).toMatchObject({
      kind: 'invalid-tool-call',
      detail: 'tool call 0 came without a name',
    });
  });

  it('completes the calls of each finish separately', async () => {
    const { values } = await complete([
      delta(0, '{}', { name: 'a' }),
      finish(),
      delta(0, '{}', { name: 'b' }),
      finish(),
    ]);
    expect(calls(values).map((call) => call.name)).toEqual(['a', 'b']);
  });
});
