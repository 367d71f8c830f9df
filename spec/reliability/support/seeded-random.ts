/**
 * A small deterministic pseudo-random generator (mulberry32), so that a failing load or soak
 * run can be replayed with the seed it prints.
 *
 * @param seed - any 32-bit integer.
 * @returns a function returning numbers in [0, 1), like `Math.random`.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of a run: `RELIABILITY_SEED` from the environment, or one drawn now. */
export function runSeed(): number {
  const given = Number(process.env.RELIABILITY_SEED);
  return Number.isInteger(given) ? given : Math.floor(Math.random() * 2 ** 31);
}
