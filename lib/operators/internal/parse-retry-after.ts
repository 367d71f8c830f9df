import { parseHttpDate } from './parse-http-date.js';

/**
 * A non-negative decimal number: `retry-after-ms` (milliseconds) or `retry-after`
 * delay-seconds, which RFC 9110 §10.2.3 defines as `1*DIGIT` (a decimal part is tolerated).
 */
const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * How long the server asks the client to wait before retrying, in milliseconds, or
 * `undefined` when the response does not say (or says it in a form that does not parse).
 *
 * Reads `retry-after-ms` first (milliseconds; sent by OpenAI and honoured by openai-node),
 * then `retry-after` (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date, from which `nowMs`
 * is subtracted. A date in the past means 0.
 *
 * @param headers - response headers with lower-case names.
 * @param nowMs - the current time in epoch milliseconds (the scheduler's `now()`).
 * @returns a delay of 0 or more milliseconds, or `undefined`.
 * @internal
 */
export function parseRetryAfter(
  headers: Readonly<Record<string, string>>,
  nowMs: number,
): number | undefined {
  const milliseconds = headers['retry-after-ms']?.trim();
  if (milliseconds !== undefined && DECIMAL.test(milliseconds)) return Number(milliseconds);
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter === undefined) return undefined;
  if (DECIMAL.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = parseHttpDate(retryAfter, nowMs);
  return date === undefined ? undefined : Math.max(0, date - nowMs);
}
