import { concat, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { JsonParseError } from '../../lib/errors/json-parse-error.js';
import { partialJson } from '../../lib/operators/partial-json.js';
import { collect } from '../support/collect.js';
import { itHonoursTheOperatorContract } from './support/operator-contract.js';
import { createTestScheduler } from './support/test-scheduler.js';

describe('partialJson', () => {
  it('emits each more complete value as the chunks come, in time', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c-d-|', { a: '{"na', b: 'me":"Ad', c: 'a","age":3', d: '6}' });
      expectObservable(source.pipe(partialJson())).toBe('-a-b-c-d-|', {
        a: {},
        b: { name: 'Ad' },
        c: { name: 'Ada', age: 3 },
        d: { name: 'Ada', age: 36 },
      });
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  it('emits nothing for a chunk that changes nothing (a key, whitespace, half a literal)', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source = cold('-a-b-c-d-|', { a: '{"ke', b: 'y": ', c: 'tr', d: 'ue}' });
      expectObservable(source.pipe(partialJson())).toBe('-a-----d-|', {
        a: {},
        d: { key: true },
      });
    });
  });

  it('emits the value as far as it was valid, then JsonParseError with the offset', async () => {
    const { values, error } = await collect(of('{"a": [1, 2', ']}}').pipe(partialJson()));
    expect(values).toEqual([{ a: [1, 2] }, { a: [1, 2] }]); // 2 is streaming, then whole
    expect(JsonParseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ offset: 13 });
  });

  it('errors with JsonParseError when the source completes before the document is whole', async () => {
    const { values, error } = await collect(of('["a", "b').pipe(partialJson()));
    expect(values.at(-1)).toEqual(['a', 'b']);
    expect(error).toMatchObject({ code: 'JSON_PARSE', reason: 'unexpected end of the JSON text' });
  });

  it('passes a source error through after the values', async () => {
    const boom = new Error('boom');
    const { values, error } = await collect(
      concat(
        of('[1,'),
        throwError(() => boom),
      ).pipe(partialJson()),
    );
    expect(values).toEqual([[1]]);
    expect(error).toBe(boom);
  });

  it('never changes a value it emitted', async () => {
    const { values } = await collect(
      of('{"list": [{"x": 1}', ', {"x": 2}]', ', "done": true}').pipe(partialJson()),
    );
    expect(values).toEqual([
      { list: [{ x: 1 }] },
      { list: [{ x: 1 }, { x: 2 }] },
      { list: [{ x: 1 }, { x: 2 }], done: true },
    ]);
  });

  itHonoursTheOperatorContract({
    operator: () => partialJson(),
    valueAt: (index) => (index === 0 ? '[' : '1,'),
    poison: '}',
  });
});
