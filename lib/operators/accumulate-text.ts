import { scan, type OperatorFunction } from 'rxjs';

/**
 * Emits the text received so far after each chunk: what a UI renders while a reply streams.
 *
 * ```
 * source:           --'Hel'--'lo'--'!'--|
 * accumulateText(): --'Hel'--'Hello'--'Hello!'--|
 * ```
 *
 * One emission per chunk, so an empty chunk repeats the previous text. Errors and completion
 * pass through as they are; the last value before completion is the whole reply. Built on
 * RxJS `scan`.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { accumulateText } from 'rx-completions';
 *
 * of('Hel', 'lo', '!').pipe(accumulateText()).subscribe((text) => console.log(text));
 * // Hel, Hello, Hello!
 * ```
 *
 * @see {@link toMessage} for the whole reply once, as a message.
 * @see {@link smoothText} to pace the chunks before accumulating them.
 * @returns an operator from text chunks to the running text.
 */
export function accumulateText(): OperatorFunction<string, string> {
  return scan((text, chunk) => text + chunk, '');
}
