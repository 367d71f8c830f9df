import type { ResponseFormat } from '../json/response-format.js';

/** The providers the CLI can talk to. */
export const CLI_PROVIDERS = ['aivvm', 'openai', 'anthropic', 'ollama', 'gemini'] as const;

/**
 * `aivvm` (chatbot-ui's `/api/chat`, plain text), `openai` (any OpenAI-compatible `/v1`),
 * `anthropic` (Anthropic's Messages API), `ollama` (Ollama's native `/api/chat`, NDJSON) or
 * `gemini` (Google's Gemini API, `/v1beta`).
 */
export type CliProvider = (typeof CLI_PROVIDERS)[number];

/** The model each provider uses when `--model` is not given. */
export const DEFAULT_MODELS: Readonly<Record<CliProvider, string>> = {
  aivvm: 'gpt-3.5-turbo',
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-4-5',
  ollama: 'llama3.2',
  gemini: 'gemini-2.5-flash',
};

/**
 * The first-chunk, next-chunk and whole-request deadlines, in ms (`--timeout`,
 * `--timeout-each`, `--timeout-total`). Without them the provider's default still applies:
 * ten minutes without a byte is a timeout.
 */
export interface CliTimeout {
  /** `--timeout`: the longest wait for the first chunk. */
  readonly first?: number;
  /** `--timeout-each`: the longest wait for every next chunk (and the first, alone). */
  readonly each?: number;
  /** `--timeout-total`: the longest the whole completion may take. */
  readonly total?: number;
}

/**
 * A completion the command line asks for, every value checked and defaulted.
 *
 * @example
 * ```ts
 * const options: CliOptions = parseCliArgs(['--provider', 'openai', 'Hello']).options;
 * ```
 */
export interface CliOptions {
  /**
   * `--provider`, when given; otherwise the endpoint decides (`aivvm` with `--base-url` or
   * `--serve`, `openai` for OpenAI's own API).
   */
  readonly provider: CliProvider | undefined;
  /** `--model`, when given; otherwise {@link DEFAULT_MODELS} of the provider. */
  readonly model: string | undefined;
  /** `--base-url`: Aivvm's site root, or the OpenAI-compatible `/v1` root. */
  readonly baseUrl: string | undefined;
  /** `--serve`: start the loopback server of `rx-completions/testing` and use it. */
  readonly serve: boolean;
  /** `--system`: the system prompt. @default the provider's own */
  readonly systemMessage: string | undefined;
  /** `--temperature`. @default the provider's own */
  readonly temperature: number | undefined;
  /** `--timeout`, `--timeout-each` and `--timeout-total`, when any is given. */
  readonly timeout: CliTimeout | undefined;
  /** `--retries`: how often a request that failed before its first chunk is sent again. @default 0 */
  readonly retries: number;
  /** `--json`: one JSON event per line instead of the bare text. */
  readonly json: boolean;
  /** `--verbose`: each retry and its wait, stack traces and the loopback server's address on stderr. */
  readonly verbose: boolean;
  /** `--json-schema`: the file of a JSON Schema the reply must follow (JSON mode). */
  readonly jsonSchemaFile: string | undefined;
  /** The schema of `--json-schema`, once read (`run` reads it; the parser leaves it out). */
  readonly responseFormat?: ResponseFormat | undefined;
  /** `--api-key-file`: where the OpenAI key is read from (never the key itself). */
  readonly apiKeyFile: string | undefined;
  /** The prompt from the positional arguments, joined by spaces; `undefined`: read stdin. */
  readonly prompt: string | undefined;
}

/** What the command line asks for: the help, the version, or a completion. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'complete'; readonly options: CliOptions };
