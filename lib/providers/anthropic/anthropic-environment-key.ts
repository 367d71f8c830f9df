/** The only origin `ANTHROPIC_API_KEY` is sent to without being passed explicitly. */
export const ANTHROPIC_ORIGIN = 'https://api.anthropic.com';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * `ANTHROPIC_API_KEY` from the environment (where there is a `process`), but only for a base
 * URL on Anthropic's own origin, `https://api.anthropic.com`: a proxy or a test server never
 * receives the user's key unless it is passed as `apiKey`.
 *
 * @param baseURL - the provider's API root.
 * @returns the key, or `undefined`.
 * @example
 * ```ts
 * anthropicEnvironmentKey('https://api.anthropic.com'); // process.env.ANTHROPIC_API_KEY
 * anthropicEnvironmentKey('http://127.0.0.1:8080'); // undefined
 * ```
 */
export function anthropicEnvironmentKey(baseURL: string): string | undefined {
  if (originOf(baseURL) !== ANTHROPIC_ORIGIN) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const key = env?.ANTHROPIC_API_KEY?.trim();
  return key === '' ? undefined : key;
}
