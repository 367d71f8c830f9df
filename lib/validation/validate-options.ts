import { describeValue } from './describe-value.js';
import { bodyViolation } from './validate-body.js';
import { timeoutViolation } from './timeout-violation.js';
import { toolOptionsViolation } from './validate-tool-options.js';
import type { Violation } from './violation.js';

/** The options every provider shares, as a JavaScript caller may pass them. */
type LooseOptions = Readonly<Record<string, unknown>>;

const isPositiveInteger = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** `stop`: a string, or an array of strings (the first item that is not one is named). */
function stopViolation(stop: unknown): Violation | undefined {
  if (typeof stop === 'string') return undefined;
  if (!Array.isArray(stop)) {
    return {
      field: 'stop',
      reason: `must be a string or an array of strings, got ${describeValue(stop)}`,
    };
  }
  const index = (stop as readonly unknown[]).findIndex((item) => typeof item !== 'string');
  if (index < 0) return undefined;
  const item: unknown = (stop as readonly unknown[])[index];
  return { field: `stop[${index}]`, reason: `must be a string, got ${describeValue(item)}` };
}

/** `signal`: an `AbortSignal` (anything with `aborted` and `addEventListener`, across realms). */
function signalViolation(signal: unknown): Violation | undefined {
  if (signal === undefined) return undefined;
  const candidate = signal as { readonly aborted?: unknown; readonly addEventListener?: unknown };
  if (
    typeof signal === 'object' &&
    signal !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function'
  ) {
    return undefined;
  }
  return { field: 'signal', reason: `must be an AbortSignal, got ${describeValue(signal)}` };
}

/**
 * Checks the completion options that are given (left-out ones keep their defaults):
 * `systemMessage` a string, `temperature` a finite number of 0 or more, `maxTokens` and
 * `maxInputBytes` positive integers, `stop` a string or an array of strings, `timeout` positive
 * deadlines, `tools`/`toolChoice`/`responseFormat` well formed (see `toolOptionsViolation`),
 * `body` an object JSON encodes faithfully that leaves `model`, `messages` and `stream` to the arguments.
 *
 * @param options - the options as given.
 * @returns the first rule broken, or `undefined`.
 * @example
 * ```ts
 * optionsViolation({ temperature: 'hot' }); // { field: 'temperature', reason: 'must be ...' }
 * ```
 * @internal
 */
export function optionsViolation(options: LooseOptions): Violation | undefined {
  const { systemMessage, temperature, maxTokens, stop, maxInputBytes, body, timeout, signal } =
    options;
  if (systemMessage !== undefined && typeof systemMessage !== 'string') {
    const reason = `must be a string, got ${describeValue(systemMessage)}`;
    return { field: 'systemMessage', reason };
  }
  if (
    temperature !== undefined &&
    !(typeof temperature === 'number' && Number.isFinite(temperature) && temperature >= 0)
  ) {
    const reason = `must be a finite number of 0 or more, got ${describeValue(temperature)}`;
    return { field: 'temperature', reason };
  }
  if (maxTokens !== undefined && !isPositiveInteger(maxTokens)) {
    return {
      field: 'maxTokens',
      reason: `must be a positive integer, got ${describeValue(maxTokens)}`,
    };
  }
  if (maxInputBytes !== undefined && !isPositiveInteger(maxInputBytes)) {
    const reason = `must be a positive integer, got ${describeValue(maxInputBytes)}`;
    return { field: 'maxInputBytes', reason };
  }
  return (
    (stop === undefined ? undefined : stopViolation(stop)) ??
    timeoutViolation(timeout) ??
    signalViolation(signal) ??
    toolOptionsViolation(options) ??
    bodyViolation(body)
  );
}

/**
 * Checks that a base URL is an absolute `http:` or `https:` URL. The reason shows the scheme
 * at most, never the URL (a key pasted in place of the URL must not be printed).
 *
 * @param baseURL - the base URL as given.
 * @returns the rule broken, or `undefined`.
 * @example
 * ```ts
 * baseUrlViolation('ftp://example.com'); // { field: 'baseURL', reason: 'must be an http(s) URL, got the scheme "ftp:"' }
 * ```
 * @internal
 */
export function baseUrlViolation(baseURL: unknown): Violation | undefined {
  if (typeof baseURL !== 'string' || !URL.canParse(baseURL)) {
    const got = typeof baseURL === 'string' ? 'a string that is not one' : describeValue(baseURL);
    return { field: 'baseURL', reason: `must be an absolute http(s) URL, got ${got}` };
  }
  const { protocol } = new URL(baseURL);
  if (protocol !== 'http:' && protocol !== 'https:') {
    const scheme = /^[a-z][a-z0-9+.-]*:$/i.test(protocol) ? `"${protocol}"` : 'another one';
    return { field: 'baseURL', reason: `must be an http(s) URL, got the scheme ${scheme}` };
  }
  return undefined;
}
