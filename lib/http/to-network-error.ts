import { NetworkError } from '../errors/network-error.js';
import type { RequestTarget } from '../errors/request-target.js';

function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/**
 * Turns whatever a failed request threw (an `AxiosError`, a Node stream error, a `fetch`
 * `TypeError`) into a {@link NetworkError} that keeps only the reason and the system error
 * code: axios errors carry the request config, headers and API key included, so none of the
 * original object is kept.
 *
 * @param error - what was thrown or emitted.
 * @param target - the request, as errors name it.
 * @param bytesReceived - body bytes emitted before the failure.
 * @returns the redacted error.
 */
export function toNetworkError(
  error: unknown,
  target: RequestTarget,
  bytesReceived: number,
): NetworkError {
  const cause: unknown =
    typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  const errno = readString(error, 'code') ?? readString(cause, 'code');
  const message = readString(error, 'message') ?? 'unknown failure';
  const causeMessage = readString(cause, 'message');
  const reason =
    causeMessage && causeMessage !== message ? `${message} (${causeMessage})` : message;
  return new NetworkError({ ...target, reason, errno, bytesReceived });
}
