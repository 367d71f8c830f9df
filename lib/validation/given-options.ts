/**
 * The options a caller passed, or none where a JavaScript caller passed `null` (which a
 * parameter's default `= {}` does not replace). For what a provider reads before its checks
 * run on subscribe — the `timeout`, the base URL — so that `null` is reported there, as an
 * `InvalidRequestError`, instead of throwing a `TypeError` at once.
 *
 * @param options - the options argument, as given.
 * @returns `options`, or an empty object for `null`.
 * @example
 * ```ts
 * const deadlines = withDeadlines(givenOptions(options).timeout);
 * ```
 * @internal
 */
export function givenOptions<Options extends object>(options: Options | null): Partial<Options> {
  return options ?? {};
}
