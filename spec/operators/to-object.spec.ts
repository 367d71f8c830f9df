import { concat, lastValueFrom, of, throwError } from 'rxjs';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { JsonParseError } from '../../lib/errors/json-parse-error.js';
import { SchemaValidationError } from '../../lib/errors/schema-validation-error.js';
import { toObject } from '../../lib/operators/to-object.js';

const Person = z.object({ name: z.string(), age: z.number().int(), tags: z.array(z.string()) });

describe('toObject', () => {
  it('parses the whole text at completion, however it was split', async () => {
    const value = await lastValueFrom(
      of('{"na', 'me": "Ada", "a', 'ge": 36, "tags": []}').pipe(toObject()),
    );
    expect(value).toEqual({ name: 'Ada', age: 36, tags: [] });
  });

  it('reads a reply wrapped in a Markdown code fence', async () => {
    const reply = '```json\n{"name": "Ada", "age": 36, "tags": ["x"]}\n```\n';
    expect(await lastValueFrom(of(reply).pipe(toObject(Person)))).toEqual({
      name: 'Ada',
      age: 36,
      tags: ['x'],
    });
  });

  it('types and checks the value with a zod schema', async () => {
    const person$ = of('{"name": "Ada", "age": 36, "tags": ["a"]}').pipe(toObject(Person));
    expectTypeOf(person$).toEqualTypeOf<
      import('rxjs').Observable<{ name: string; age: number; tags: string[] }>
    >();
    expect((await lastValueFrom(person$)).name).toBe('Ada');
  });

  it('lists every issue with its path, and keeps the value', async () => {
    const text = '{"name": 1, "age": 36.5, "tags": ["a", 2]}';
    const error: unknown = await lastValueFrom(of(text).pipe(toObject(Person))).catch(
      (e: unknown) => e,
    );
    expect(SchemaValidationError.isInstance(error)).toBe(true);
    const { issues, value } = error as SchemaValidationError;
    expect(issues.map((issue) => issue.path)).toEqual(['name', 'age', 'tags[1]']);
    expect(value).toEqual(JSON.parse(text));
  });

  it('works with another Standard Schema library (valibot) and its transforms', async () => {
    const Shout = v.pipe(
      v.object({ word: v.string() }),
      v.transform((o) => o.word.toUpperCase()),
    );
    expect(await lastValueFrom(of('{"word": "hi"}').pipe(toObject(Shout)))).toBe('HI');
  });

  it('errors with JsonParseError naming the offset when the text is not JSON', async () => {
    const error: unknown = await lastValueFrom(of('{"a": 1', ' oops}').pipe(toObject())).catch(
      (e: unknown) => e,
    );
    expect(JsonParseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ offset: 8 });
  });

  it('passes a source error through', async () => {
    const boom = new Error('boom');
    await expect(
      lastValueFrom(
        concat(
          of('{}'),
          throwError(() => boom),
        ).pipe(toObject()),
      ),
    ).rejects.toBe(boom);
  });
});
