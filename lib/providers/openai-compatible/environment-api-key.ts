/** The only origin `OPENAI_API_KEY` is sent to without being passed explicitly. */
export const OPENAI_ORIGIN = 'https://api.openai.com';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * `OPENAI_API_KEY` from the environment (where there is a `process`), but only for a base URL
 * on OpenAI's own origin, `https://api.openai.com`: a local Ollama or a stranger's proxy never
 * receives the user's OpenAI key unless it is passed as `apiKey`.
 *
 * @param baseURL - the provider's API root.
 * @returns the key, or `undefined`.
 * @example
 * ```ts
 * environmentApiKey('https://api.openai.com/v1'); // process.env.OPENAI_API_KEY
 * environmentApiKey('http://127.0.0.1:11434/v1'); // undefined
 * ```
 */
export function environmentApiKey(baseURL: string): string | undefined {
  if (originOf(baseURL) !== OPENAI_ORIGIN) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const key = env?.OPENAI_API_KEY?.trim();
  return key === '' ? undefined : key;
}
