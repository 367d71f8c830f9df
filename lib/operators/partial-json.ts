import type { OperatorFunction } from 'rxjs';
import { PartialJsonParser } from '../json/partial-json-parser.js';
import { operate } from './internal/operate.js';

/** A value as it may be seen while its JSON is still streaming, members still missing. */
export type PartialValue<T> = T extends readonly (infer Item)[]
  ? PartialValue<Item>[]
  : T extends object
    ? { [Key in keyof T]?: PartialValue<T[Key]> }
    : T;

/**
 * Text chunks of one JSON document (RFC 8259) → each successively more complete value, as the
 * text streams: a structured reply can be rendered while the model writes it.
 *
 * ```
 * source:        -'{"na'-'me":"Ad'-'a","age":3'-'6}'-|
 * partialJson(): -{}----{name:'Ad'}-{name:'Ada',age:3}-{name:'Ada',age:36}-|
 * ```
 *
 * - A value only grows: whole members and items are never taken back; the string or number
 *   being streamed is emitted as it stands (`'Ad'`, then `'Ada'`; `3`, then `36`). A key still
 *   being read, a member whose value has not started, and a `true`/`false`/`null` not yet whole
 *   are left out until they are.
 * - At most one value per chunk, and only when the chunk changed it. Emitted values are never
 *   changed afterwards (containers still open are copied, finished ones shared), so they can go
 *   straight into change detection that compares references.
 * - Parsing is linear in the text whatever its chunking; each emission costs the width of the
 *   containers still open. For very large arrays, pace emissions with
 *   `throttleTime(0, animationFrameScheduler, { leading: true, trailing: true })`.
 * - Text that is not JSON errors with `JsonParseError` (with the offset) after the value as far
 *   as it was valid; a document that is not whole when the source completes errors the same way.
 *
 * @see `toObject` for the whole value, checked by a schema, at the end.
 * @returns an operator from text chunks to successive values.
 *
 * @example
 * ```ts
 * interface Recipe { title: string; steps: string[] }
 * completion$.pipe(partialJson<Recipe>()).subscribe((recipe) => render(recipe.title, recipe.steps));
 * ```
 */
export function partialJson<T = unknown>(): OperatorFunction<string, PartialValue<T>> {
  return operate<string, PartialValue<T>>((destination) => {
    const parser = new PartialJsonParser();
    const emit = (): void => {
      destination.next(parser.snapshot() as PartialValue<T>);
    };
    return {
      next: (text) => {
        try {
          if (parser.feed(text)) emit();
        } catch (error: unknown) {
          // What the chunk added before the offending character comes out first.
          if (parser.changedBeforeError) emit();
          throw error;
        }
      },
      complete: () => {
        parser.end();
        destination.complete();
      },
    };
  });
}
