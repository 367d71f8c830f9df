/** The only origin `GEMINI_API_KEY` is sent to without being passed explicitly. */
export const GEMINI_ORIGIN = 'https://generativelanguage.googleapis.com';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * `GEMINI_API_KEY` from the environment (where there is a `process`), but only for a base URL
 * on Google's own origin, `https://generativelanguage.googleapis.com`: a proxy or a local
 * server never receives the user's Gemini key unless it is passed as `apiKey`.
 *
 * @param baseURL - the provider's API root.
 * @returns the key, or `undefined`.
 * @example
 * ```ts
 * geminiEnvironmentApiKey('https://generativelanguage.googleapis.com/v1beta'); // process.env.GEMINI_API_KEY
 * geminiEnvironmentApiKey('http://127.0.0.1:11434/v1beta'); // undefined
 * ```
 */
export function geminiEnvironmentApiKey(baseURL: string): string | undefined {
  if (originOf(baseURL) !== GEMINI_ORIGIN) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const key = env?.GEMINI_API_KEY?.trim();
  return key === '' ? undefined : key;
}
