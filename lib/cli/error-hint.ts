import { HttpStatusError } from '../errors/http-status-error.js';

/** An API version segment anywhere in the path: `/v1/`, `/v1beta/` (Gemini's `/v1beta/openai`). */
const VERSIONED = /\/v\d+[a-z\d]*\//;

/**
 * A line that tells what to change, for the failures whose fix is a known slip of the command
 * line; `undefined` for the others.
 *
 * - A 404 from `…/chat/completions` with no version (`/v1`) in its path: OpenAI-compatible servers serve
 *   `/v1/chat/completions`, and the `--base-url` is the API root ending in `/v1`.
 *
 * @param error - what the run failed with.
 * @returns the hint, or `undefined`.
 * @example
 * ```ts
 * errorHint(notFoundFrom('http://127.0.0.1:11434/chat/completions'));
 * // 'hint: --base-url is the API root, ending in /v1 (e.g. http://127.0.0.1:11434/v1)'
 * ```
 */
export function errorHint(error: unknown): string | undefined {
  if (!HttpStatusError.isInstance(error) || error.status !== 404) return undefined;
  const { url } = error;
  if (!url.endsWith('/chat/completions') || VERSIONED.test(url)) return undefined;
  const root = url.slice(0, -'/chat/completions'.length);
  return `hint: --base-url is the API root, ending in /v1 (e.g. ${root}/v1)`;
}
