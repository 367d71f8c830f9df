/**
 * A shuffled copy (Fisher–Yates), as g4f's `RetryProvider` can shuffle its providers.
 *
 * @param items - what to shuffle.
 * @param random - a source of numbers in [0, 1).
 * @returns a new array.
 */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
