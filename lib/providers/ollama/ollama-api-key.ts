/** The only origin `OLLAMA_API_KEY` is sent to without being passed explicitly. */
export const OLLAMA_CLOUD_ORIGIN = 'https://ollama.com';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * `OLLAMA_API_KEY` from the environment (where there is a `process`), but only for a base URL
 * on Ollama's cloud, `https://ollama.com` — where the official `ollama` client sends it too; a
 * local server or a stranger's proxy never receives it unless it is passed as `apiKey`.
 *
 * @param baseURL - the provider's root.
 * @returns the key, or `undefined`.
 * @example
 * ```ts
 * ollamaEnvironmentApiKey('https://ollama.com'); // process.env.OLLAMA_API_KEY
 * ollamaEnvironmentApiKey('http://127.0.0.1:11434'); // undefined
 * ```
 */
export function ollamaEnvironmentApiKey(baseURL: string): string | undefined {
  if (originOf(baseURL) !== OLLAMA_CLOUD_ORIGIN) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const key = env?.OLLAMA_API_KEY?.trim();
  return key === '' ? undefined : key;
}
