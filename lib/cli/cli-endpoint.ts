import { DEFAULT_MODELS, type CliOptions, type CliProvider } from './cli-options.js';
import { UsageError } from './usage-error.js';

/** OpenAI's API root: where the CLI goes with a key and neither `--base-url` nor `--serve`. */
import { OPENAI_BASE_URL } from '../providers/openai-compatible/openai-compatible-options.js';
import { ANTHROPIC_BASE_URL } from '../providers/anthropic/anthropic-options.js';
import { OLLAMA_BASE_URL } from '../providers/ollama/ollama-options.js';

export { OPENAI_BASE_URL };
import { GEMINI_BASE_URL } from '../providers/gemini/gemini-options.js';

/**
 * Who the CLI talks to: the loopback server it starts (`--serve`), or a server at a URL
 * (`--base-url`, or OpenAI's API root), with the provider and model resolved.
 */
export type CliEndpoint =
  | { readonly kind: 'loopback'; readonly provider: CliProvider; readonly model: string }
  | {
      readonly kind: 'remote';
      readonly provider: CliProvider;
      readonly model: string;
      /** Aivvm's site root, or the OpenAI-compatible `/v1` root. */
      readonly baseURL: string;
    };

/** What to pass when nothing says where to go. */
const NO_ENDPOINT =
  'nowhere to send the prompt: pass --base-url <url>, or an OpenAI key with --api-key-file ' +
  `<path> or OPENAI_API_KEY (for ${OPENAI_BASE_URL}), or --serve for the built-in offline server`;

/**
 * Chooses the endpoint from the command line and the key:
 *
 * - `--serve`: the loopback server (provider `aivvm` unless `--provider` says otherwise);
 * - `--base-url`: that server (provider `aivvm` unless `--provider` says otherwise);
 * - neither, with a key (`--api-key-file` or `OPENAI_API_KEY`): OpenAI, {@link OPENAI_BASE_URL};
 * - `--provider ollama` with no URL: the local Ollama server, `http://127.0.0.1:11434`;
 * - neither and no key, or `--provider aivvm` with no URL: a {@link UsageError} naming what to
 *   pass. The CLI never falls back to the offline server silently.
 *
 * `--model` defaults to the chosen provider's model.
 *
 * @param options - the parsed command line.
 * @param apiKey - the key read from `--api-key-file` or `OPENAI_API_KEY`, if any.
 * @returns the endpoint.
 * @throws {@link UsageError} when there is nowhere to go.
 * @example
 * ```ts
 * chooseEndpoint(options, process.env.OPENAI_API_KEY);
 * // { kind: 'remote', provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1' }
 * ```
 */
export function chooseEndpoint(options: CliOptions, apiKey: string | undefined): CliEndpoint {
  const resolved = (provider: CliProvider): { provider: CliProvider; model: string } => ({
    provider,
    model: options.model ?? DEFAULT_MODELS[provider],
  });
  if (options.serve) return { kind: 'loopback', ...resolved(options.provider ?? 'aivvm') };
  if (options.baseUrl !== undefined) {
    return { kind: 'remote', baseURL: options.baseUrl, ...resolved(options.provider ?? 'aivvm') };
  }
  // Ollama's default is the local server: nothing leaves the machine.
  if (options.provider === 'ollama') {
    return { kind: 'remote', baseURL: OLLAMA_BASE_URL, ...resolved('ollama') };
  }
  if (options.provider === 'aivvm') {
    throw new UsageError(
      '--provider aivvm needs --base-url <site root>, or --serve for the built-in offline server',
    );
  }
  if (options.provider === 'anthropic') {
    if (apiKey === undefined) {
      throw new UsageError(
        '--provider anthropic needs ANTHROPIC_API_KEY or --api-key-file, or --base-url, or --serve',
      );
    }
    return { kind: 'remote', baseURL: ANTHROPIC_BASE_URL, ...resolved('anthropic') };
  }
  if (options.provider === 'gemini') {
    if (apiKey === undefined) {
      throw new UsageError(
        '--provider gemini needs GEMINI_API_KEY or --api-key-file, or --base-url, or --serve',
      );
    }
    return { kind: 'remote', baseURL: GEMINI_BASE_URL, ...resolved('gemini') };
  }
  if (apiKey === undefined) throw new UsageError(NO_ENDPOINT);
  return { kind: 'remote', baseURL: OPENAI_BASE_URL, ...resolved('openai') };
}
