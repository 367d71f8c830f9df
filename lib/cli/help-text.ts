import { OLLAMA_BASE_URL } from '../providers/ollama/ollama-options.js';
import { OPENAI_BASE_URL } from './cli-endpoint.js';
import { DEFAULT_MODELS } from './cli-options.js';
import { EXIT_CODES } from './exit-codes.js';

/** Each exit code and what it means, in the order `--help` lists them. */
const EXIT_CODE_LINES: readonly (readonly [code: number, meaning: string])[] = [
  [EXIT_CODES.ok, 'the reply was streamed in full'],
  [EXIT_CODES.other, 'another failure (e.g. the loopback server could not start)'],
  [
    EXIT_CODES.usage,
    'usage: bad option or value, no endpoint, no prompt, unreadable --api-key-file or --json-schema; InvalidRequestError',
  ],
  [EXIT_CODES.modelNotSupported, 'ModelNotSupportedError: the provider does not serve the model'],
  [EXIT_CODES.httpStatus, 'HttpStatusError: the server answered with a status of 400 or more'],
  [EXIT_CODES.network, 'NetworkError: connection refused, reset or cut'],
  [
    EXIT_CODES.timeout,
    'TimeoutError: --timeout, --timeout-each or --timeout-total ran out, or no byte for 10 min',
  ],
  [EXIT_CODES.decode, 'DecodeError: the reply could not be decoded'],
  [EXIT_CODES.stream, 'StreamError: the stream reported an error or broke its protocol'],
  [EXIT_CODES.allProvidersFailed, 'AllProvidersFailedError: every provider failed'],
  [EXIT_CODES.interrupted, 'interrupted by Ctrl-C (SIGINT): the request was aborted'],
];

/**
 * The text `--help` prints: usage, every option, where the prompt and the key come from, the
 * `--json` events and every exit code (taken from {@link EXIT_CODES}, so they cannot drift).
 *
 * @returns the help, ending with a line break.
 * @example
 * ```ts
 * process.stdout.write(helpText());
 * ```
 */
export function helpText(): string {
  const codes = EXIT_CODE_LINES.map(
    ([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`,
  );
  return `Usage: rx-completions [options] [prompt...]
       rx-completions chat [options]

Streams a chat completion to stdout as it arrives. The prompt is the arguments joined by
spaces, or stdin (read to its end) when there are none. It goes to --base-url; with
neither --base-url nor --serve, to OpenAI's API (${OPENAI_BASE_URL}, provider
openai) with the key from --api-key-file or OPENAI_API_KEY; with no key either, nothing is
sent and a usage error says what to pass. --serve starts the built-in loopback server of
rx-completions/testing on 127.0.0.1 and asks it: offline.
Terminal controls in what a server sends (escape sequences, control characters) are never
printed.

chat: a conversation. On a terminal, type each message at the "> " prompt: it is sent with
the conversation so far and the reply streams back; /help lists the commands (/reset,
/model <name>, /exit). Ctrl-C stops a reply, Ctrl-D leaves. From a pipe, each line of stdin
is one turn. The options below apply, but --json and a prompt argument.

Options:
  -p, --provider <name>    aivvm (chatbot-ui /api/chat, plain text), openai (any
                           OpenAI-compatible /v1/chat/completions, SSE), anthropic
                           (Anthropic's /v1/messages, SSE; key from ANTHROPIC_API_KEY),
                           ollama (Ollama's /api/chat, NDJSON; without --base-url, the
                           local ${OLLAMA_BASE_URL}) or gemini (Google's Gemini API,
                           streamGenerateContent; key from GEMINI_API_KEY) (default: aivvm
                           with --base-url or --serve, openai without)
  -m, --model <name>       the model (default: ${DEFAULT_MODELS.aivvm} for aivvm, ${DEFAULT_MODELS.openai} for openai,
                           ${DEFAULT_MODELS.anthropic} for anthropic, ${DEFAULT_MODELS.ollama} for ollama,
                           ${DEFAULT_MODELS.gemini} for gemini)
      --base-url <url>     aivvm: the site root (e.g. https://chat.aivvm.com);
                           openai: the API root ending in /v1 (e.g. http://127.0.0.1:11434/v1);
                           ollama: the server root (e.g. http://127.0.0.1:11434);
                           gemini: the API root with its version (default: Google's /v1beta)
      --serve              start the built-in loopback server on 127.0.0.1 and use it
                           (offline; excludes --base-url)
  -s, --system <text>      the system prompt (default: the provider's)
      --temperature <n>    the sampling temperature (default: the provider's)
      --timeout <ms>       the longest wait for the first chunk
      --timeout-each <ms>  the longest wait for each next chunk (alone: for the first too)
      --timeout-total <ms> the longest the whole reply may take
                           (by default, 10 minutes without a byte is a timeout too)
      --retries <n>        send the request again up to n times when it fails before its
                           first chunk (429, 5xx, network, first-chunk timeout) (default: 0)
      --json               one JSON event per line instead of the text (see below)
      --json-schema <file> ask for a JSON reply following the JSON Schema in <file>
                           (openai's response_format, ollama's format, gemini's
                           responseJsonSchema); not JSON fails
      --api-key-file <p>   openai, gemini: read the API key from file <p> (trimmed); otherwise
                           from OPENAI_API_KEY (GEMINI_API_KEY for gemini; ollama: from the
                           file only). The key is never an argument and never printed.
      --verbose            on stderr: each retry and its wait, stack traces on errors,
                           the loopback server's URL
  -h, --help               print this help and exit
  -V, --version            print the version and exit

JSON events (--json), one per line:
  {"type":"text-delta","text":"..."}  each chunk of the reply, as it arrives
  {"type":"finish","reason":"stop"}   openai, ollama, gemini: why the model stopped
  {"type":"usage","usage":{...}}      openai, ollama, gemini: promptTokens, completionTokens, totalTokens
  {"type":"done"}                     the reply is complete
  {"type":"error","name":"...","code":"...","message":"..."}  the run failed

Errors print one line to stderr, "error: <Type>: <message>", and exit with:
${codes.join('\n')}

Ctrl-C aborts the request at once: nothing more is printed and the exit code is 130.

Examples:
  rx-completions --serve "Hello, world!"
  OPENAI_API_KEY=... rx-completions "Hello, world!"
  echo "Translate: good morning" | rx-completions --serve --system "You are a translator"
  rx-completions --provider openai --base-url http://127.0.0.1:11434/v1 -m llama3.2 "Hi"
  rx-completions --provider ollama -m qwen3 "Hi"
`;
}
