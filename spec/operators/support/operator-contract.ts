import {
  Observable,
  Subject,
  Subscription,
  take,
  type Observer,
  type OperatorFunction,
} from 'rxjs';
import { expect, it } from 'vitest';

/** How many values {@link countedSource} offers at most. */
export const OFFERED = 1_000;

/**
 * A synchronous source of `OFFERED` values that stops when its subscriber closes, and counts
 * how many values it was asked for (its "pulls").
 */
export function countedSource<T>(valueAt: (index: number) => T): {
  readonly source: Observable<T>;
  readonly pulls: () => number;
} {
  let pulls = 0;
  const source = new Observable<T>((subscriber) => {
    for (let index = 0; !subscriber.closed && index < OFFERED; index++) {
      pulls += 1;
      subscriber.next(valueAt(index));
    }
    subscriber.complete();
  });
  return { source, pulls: () => pulls };
}

/** A consumer that unsubscribes itself inside its first `next`, and records what it saw. */
class StopAtFirst<T> extends Subscription implements Observer<T> {
  readonly seen: T[] = [];
  ended = false;
  next(value: T): void {
    if (this.closed) return;
    this.seen.push(value);
    this.unsubscribe();
  }
  error(): void {
    this.ended = true;
  }
  complete(): void {
    this.ended = true;
  }
}

/** What {@link itHonoursTheOperatorContract} needs to drive an operator. */
export interface OperatorContractCase<In, Out> {
  readonly operator: () => OperatorFunction<In, Out>;
  /** The `index`th value of the source; each must make the operator emit at least once. */
  readonly valueAt: (index: number) => In;
  /** A value that makes the operator's handler throw. */
  readonly poison: In;
}

/**
 * The three checks every operator of the package passes: `take(1)` on a synchronous source of
 * 1,000 values pulls one value; an exception thrown while handling a value reaches the consumer
 * as `error` and stops the source; unsubscribing inside `next` stops the source.
 */
export function itHonoursTheOperatorContract<In, Out>(
  contract: OperatorContractCase<In, Out>,
): void {
  it('pulls only one value of a synchronous source of 1,000 under take(1)', () => {
    const { source, pulls } = countedSource(contract.valueAt);
    const values: Out[] = [];
    let completed = false;
    source.pipe(contract.operator(), take(1)).subscribe({
      next: (value) => values.push(value),
      complete: () => (completed = true),
    });
    expect({ pulls: pulls(), emitted: values.length, completed }).toEqual({
      pulls: 1,
      emitted: 1,
      completed: true,
    });
  });

  it('sends an exception thrown while handling a value downstream as error, and stops the source', () => {
    const { source, pulls } = countedSource((index) =>
      index === 2 ? contract.poison : contract.valueAt(index),
    );
    let failure: unknown;
    source.pipe(contract.operator()).subscribe({
      error: (error: unknown) => (failure = error),
    });
    expect(failure).toBeInstanceOf(Error);
    expect(pulls()).toBe(3);
  });

  it('never throws into the code that emitted a value its handler chokes on', () => {
    const source = new Subject<In>();
    let failure: unknown;
    source.pipe(contract.operator()).subscribe({ error: (error: unknown) => (failure = error) });
    source.next(contract.valueAt(0));
    expect(() => {
      source.next(contract.poison);
    }).not.toThrow();
    expect(failure).toBeInstanceOf(Error);
    expect(source.observed).toBe(false);
  });

  it('stops the source when the consumer unsubscribes inside next', () => {
    const { source, pulls } = countedSource(contract.valueAt);
    const consumer = new StopAtFirst<Out>();
    source.pipe(contract.operator()).subscribe(consumer);
    expect({ pulls: pulls(), seen: consumer.seen.length, ended: consumer.ended }).toEqual({
      pulls: 1,
      seen: 1,
      ended: false,
    });
  });
}
