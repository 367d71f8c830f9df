import type { MonoTypeOperatorFunction } from 'rxjs';
import { operate } from '../operators/internal/operate.js';

/**
 * The rule for "this source answered": it emitted its first value, or it completed without
 * one (an empty reply is an answer too). `onAnswer` is called once, at that moment: before the
 * first value is passed on, or before the completion. An error before that is no answer.
 *
 * An exception thrown by `onAnswer` becomes the output's error, after the first value (so no
 * text is lost), and the source is unsubscribed; it is never left unhandled.
 *
 * ```text
 * source:  --a--b--|
 * result:  --a#             (when onAnswer throws at a)
 * ```
 *
 * @param onAnswer - called when the source answers.
 * @returns an operator that passes the source on.
 *
 * @example
 * ```ts
 * provider.createCompletion(model, messages, true)
 *   .pipe(whenAnswered(() => console.error(`answered by ${provider.name}`)))
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
export function whenAnswered<T>(onAnswer: () => void): MonoTypeOperatorFunction<T> {
  return operate<T, T>((destination) => {
    let answered = false;
    return {
      next: (value) => {
        if (answered) {
          destination.next(value);
          return;
        }
        answered = true;
        let failure: { readonly error: unknown } | undefined;
        try {
          onAnswer();
        } catch (error: unknown) {
          failure = { error };
        }
        destination.next(value);
        if (failure) destination.error(failure.error);
      },
      complete: () => {
        if (!answered) {
          answered = true;
          onAnswer();
        }
        destination.complete();
      },
    };
  });
}
