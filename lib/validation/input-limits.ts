/**
 * The default bound on the text of one request: 4 MiB (4,194,304 bytes of UTF-8), counting
 * every message's `content` and the `systemMessage`. Far above any model's context window, far
 * below what would strain memory; raise or lower it with the `maxInputBytes` option.
 */
export const DEFAULT_MAX_INPUT_BYTES = 4 * 1024 * 1024;
