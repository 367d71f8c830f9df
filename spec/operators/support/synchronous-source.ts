import { Observable } from 'rxjs';

/**
 * An endless synchronous source that records what it emitted and stops only when its
 * subscriber is closed: the RxJS spec's "stops a synchronous source on unsubscribe" fixture.
 */
export function synchronousSource<T>(valueAt: (index: number) => T): {
  readonly source: Observable<T>;
  readonly sideEffects: T[];
} {
  const sideEffects: T[] = [];
  const source = new Observable<T>((subscriber) => {
    for (let index = 0; !subscriber.closed && index < 10_000; index++) {
      const value = valueAt(index);
      sideEffects.push(value);
      subscriber.next(value);
    }
  });
  return { source, sideEffects };
}
