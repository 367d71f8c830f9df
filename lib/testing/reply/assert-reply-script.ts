import type { ReplyScript } from './reply-script.js';

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;
const isDelay = (value: number): boolean => Number.isFinite(value) && value >= 0;

/**
 * Checks a {@link ReplyScript} before it is used, so a mistake in a test fails where the script
 * is written rather than as a confusing response.
 *
 * Rejects: a status outside 100–999, more than one content field (`text`, `body`, `chunks`),
 * `chunks` together with `chunkSize`, a `chunkSize` below 1, a negative or non-finite delay, a
 * negative or fractional byte count, more than one fault (`resetAfterBytes`, `truncate`,
 * `stall`), a `path` that does not start with `/`, a `streamError` without a count ≥ 0 and a
 * string message, `streamError` or `omitDone` with raw content (`body`, `chunks`), which
 * is sent as it is, an `argumentsChunkSize` below 1, and a tool call without a name or whose
 * arguments are not a string.
 *
 * @param script - the script to check.
 * @throws TypeError naming the offending field.
 * @example
 * ```ts
 * assertReplyScript({ text: 'hi', chunkSize: 0 }); // throws: chunkSize must be an integer ≥ 1
 * ```
 */
export function assertReplyScript(script: ReplyScript): void {
  const fail = (reason: string): never => {
    throw new TypeError(`Invalid ReplyScript: ${reason}`);
  };
  const { status, chunkSize, delayMs, headersDelayMs, resetAfterBytes, truncate, stall } = script;
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 999)) {
    fail(`status must be an integer from 100 to 999, got ${status}`);
  }
  const contents = [script.text, script.body, script.chunks].filter((c) => c !== undefined);
  if (contents.length > 1) fail('set at most one of text, body and chunks');
  if (script.chunks !== undefined && chunkSize !== undefined) {
    fail('chunks are written as given; do not combine them with chunkSize');
  }
  if (chunkSize !== undefined && !(isCount(chunkSize) && chunkSize >= 1)) {
    fail(`chunkSize must be an integer ≥ 1, got ${chunkSize}`);
  }
  if (delayMs !== undefined && !isDelay(delayMs)) fail(`delayMs must be ≥ 0, got ${delayMs}`);
  if (headersDelayMs !== undefined && !isDelay(headersDelayMs)) {
    fail(`headersDelayMs must be ≥ 0, got ${headersDelayMs}`);
  }
  const faults = [resetAfterBytes, truncate, stall].filter((f) => f !== undefined);
  if (faults.length > 1) fail('set at most one of resetAfterBytes, truncate and stall');
  const afterBytes =
    resetAfterBytes ?? truncate?.afterBytes ?? (typeof stall === 'object' ? stall.afterBytes : 0);
  if (!isCount(afterBytes)) fail(`a fault's byte count must be an integer ≥ 0, got ${afterBytes}`);
  assertOpenAIFields(script, fail);
}

function assertOpenAIFields(script: ReplyScript, fail: (reason: string) => never): void {
  const { path, streamError, omitDone } = script;
  if (path !== undefined && !path.startsWith('/')) fail(`path must start with /, got "${path}"`);
  if (streamError !== undefined) {
    if (!isCount(streamError.afterChunks)) {
      fail(`streamError.afterChunks must be an integer ≥ 0, got ${streamError.afterChunks}`);
    }
    if (typeof streamError.message !== 'string') fail('streamError.message must be a string');
  }
  assertToolCallFields(script, fail);
  const raw = script.body !== undefined || script.chunks !== undefined;
  if (raw && (streamError !== undefined || omitDone === true)) {
    fail('body and chunks are sent as they are; do not combine them with streamError or omitDone');
  }
  if (raw && (script.reasoning !== undefined || script.toolCalls !== undefined)) {
    fail('body and chunks are sent as they are; do not combine them with reasoning or toolCalls');
  }
}

function assertToolCallFields(script: ReplyScript, fail: (reason: string) => never): void {
  const { argumentsChunkSize, toolCalls } = script;
  if (
    argumentsChunkSize !== undefined &&
    !(isCount(argumentsChunkSize) && argumentsChunkSize >= 1)
  ) {
    fail(`argumentsChunkSize must be an integer ≥ 1, got ${argumentsChunkSize}`);
  }
  for (const [index, call] of (toolCalls ?? []).entries()) {
    if (typeof call.name !== 'string' || call.name === '') {
      fail(`toolCalls[${index}].name must be a non-empty string`);
    }
    if (typeof call.arguments !== 'string') fail(`toolCalls[${index}].arguments must be a string`);
  }
}
