import { readFile } from 'node:fs/promises';

import { UsageError } from './usage-error.js';

/** The environment the key may come from. */
export type CliEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * The API key: the content of `file` (`--api-key-file`), trimmed, when it is given;
 * otherwise the environment variable `variable` (`OPENAI_API_KEY`; `ANTHROPIC_API_KEY` or
 * `GEMINI_API_KEY` for those providers) from `env`, trimmed; otherwise none.
 *
 * A key is never taken from the command line (every user can read it with `ps`) and never
 * appears in an error: an unreadable or empty file is a {@link UsageError} that names the
 * file and the system error code only.
 *
 * @param file - the path given with `--api-key-file`, if any.
 * @param env - the environment (`process.env`).
 * @param variable - the variable that holds the key.
 * @returns the key, or `undefined` when there is none.
 * @throws {@link UsageError} when the file cannot be read or holds nothing but whitespace.
 * @example
 * ```ts
 * const apiKey = await readApiKey(options.apiKeyFile, process.env);
 * ```
 */
export async function readApiKey(
  file: string | undefined,
  env: CliEnvironment,
  variable = 'OPENAI_API_KEY',
): Promise<string | undefined> {
  if (file === undefined) {
    const key = env[variable]?.trim();
    return key === '' ? undefined : key;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unreadable';
    throw new UsageError(`cannot read --api-key-file ${JSON.stringify(file)}: ${code}`);
  }
  const key = text.trim();
  if (key === '') throw new UsageError(`--api-key-file ${JSON.stringify(file)} is empty`);
  return key;
}
