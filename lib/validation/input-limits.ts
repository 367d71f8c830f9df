/**
 * The default bound on one request body: 4 MiB (4,194,304 bytes of UTF-8 JSON), counting all
 * that is sent (model, roles, contents, system message, stop sequences, extra fields). Far
 * above any model's context window, far below what would strain memory; raise or lower it
 * with the `maxInputBytes` option.
 */
export const DEFAULT_MAX_INPUT_BYTES = 4 * 1024 * 1024;
