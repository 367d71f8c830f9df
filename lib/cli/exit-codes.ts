import { CompletionError, type CompletionErrorCode } from '../errors/completion-error.js';
import { UsageError } from './usage-error.js';

/**
 * The CLI's exit codes: one per kind of failure, so that scripts can branch on `$?`.
 *
 * @example
 * ```sh
 * rx-completions "Hi" --timeout 5000; [ $? -eq 6 ] && echo "too slow"
 * ```
 */
export const EXIT_CODES = {
  /** The reply was streamed in full (or `--help`, `--version`). */
  ok: 0,
  /** Any other failure (e.g. the loopback server could not start). */
  other: 1,
  /** A bad command line, no endpoint, an unreadable key file, no prompt; `InvalidRequestError`. */
  usage: 2,
  /** `ModelNotSupportedError`: the provider does not serve the model. */
  modelNotSupported: 3,
  /** `HttpStatusError`: the server answered 400 or more. */
  httpStatus: 4,
  /** `NetworkError`: refused, reset, cut. */
  network: 5,
  /** `TimeoutError`: `--timeout`, `--timeout-each` or `--timeout-total` ran out, or no byte came for 10 minutes. */
  timeout: 6,
  /** `DecodeError`: the body could not be decoded. */
  decode: 7,
  /** `StreamError`: the stream broke its protocol or reported an error. */
  stream: 8,
  /** `AllProvidersFailedError`: every provider of a fallback failed. */
  allProvidersFailed: 9,
  /** Interrupted by Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
} as const;

/** The exit code of each error code; a `Record`, so a new code cannot be forgotten here. */
const BY_ERROR_CODE: Readonly<Record<CompletionErrorCode, number>> = {
  MODEL_NOT_SUPPORTED: EXIT_CODES.modelNotSupported,
  HTTP_STATUS: EXIT_CODES.httpStatus,
  NETWORK: EXIT_CODES.network,
  TIMEOUT: EXIT_CODES.timeout,
  DECODE: EXIT_CODES.decode,
  STREAM: EXIT_CODES.stream,
  INVALID_REQUEST: EXIT_CODES.usage,
  ALL_PROVIDERS_FAILED: EXIT_CODES.allProvidersFailed,
  // The CLI writes as it reads: it never buffers for a slow consumer.
  BUFFER_OVERFLOW: EXIT_CODES.other,
  // The CLI stops on SIGINT by unsubscribing; a signal is not one of its inputs.
  ABORTED: EXIT_CODES.interrupted,
  JSON_PARSE: EXIT_CODES.stream,
  SCHEMA_VALIDATION: EXIT_CODES.stream,
  NO_WORKING_PROVIDER: EXIT_CODES.modelNotSupported,
  REDIRECT: EXIT_CODES.httpStatus,
  UNEXPECTED_RESPONSE: EXIT_CODES.httpStatus,
  RESPONSE_TOO_LARGE: EXIT_CODES.stream,
  CONFIGURATION: EXIT_CODES.usage,
  INTERCEPTOR: EXIT_CODES.other,
  // The CLI runs no tools; a run of runTools in a script of one's own exits 1.
  TOOL_EXECUTION: EXIT_CODES.other,
  // The server refused the content: an error it reported, as a stream error is.
  CONTENT_BLOCKED: EXIT_CODES.stream,
};

/**
 * The exit code for a failure: by `code` for this package's errors (also from another copy
 * of the package), 2 for a {@link UsageError}, 1 for anything else.
 *
 * @param error - what the run failed with.
 * @returns the process exit code.
 * @example
 * ```ts
 * exitCodeFor(new TimeoutError('first', 5000)); // 6
 * ```
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  // Another copy of the package may know codes this one does not: those exit 1.
  const code: string | undefined = CompletionError.isInstance(error) ? error.code : undefined;
  return code !== undefined && Object.hasOwn(BY_ERROR_CODE, code)
    ? BY_ERROR_CODE[code as CompletionErrorCode]
    : EXIT_CODES.other;
}
