/**
 * How many characters the piece finders of `bufferLines`, `bufferSentences` and `smoothText`
 * have examined since the count was last reset: a measure of their work that does not depend
 * on the machine, so that a test can check that regrouping `n` characters takes `O(n)` steps.
 * Not part of the public API.
 *
 * @internal
 */
export const scanSteps = { count: 0 };
