import { protocolEvents } from '../protocol-events.js';
import { textOfEvents } from '../text-of-events.js';
import { defer, type Observable } from 'rxjs';
import type { CompletionEvent } from '../../events/completion-event.js';
import type { Messages } from '../../messages/chat-message.js';
import { parseJsonLines } from '../../ndjson/parse-json-lines.js';
import { requestSecrets } from '../../secrets/request-secrets.js';
import { createSecretRedactor, type SecretRedactor } from '../../secrets/secret-redactor.js';
import { decodeUtf8 } from '../../sse/decode-utf8.js';
import {
  fromCompletionRequest,
  isCompletionRequest,
  type CompletionRequest,
} from '../completion-request.js';
import type { Provider } from '../provider.js';
import { ollamaEnvironmentApiKey } from './ollama-api-key.js';
import { ollamaChatRequest, type OllamaEndpoint } from './ollama-chat-request.js';
import {
  OLLAMA_BASE_URL,
  type OllamaCompletionOptions,
  type OllamaConfig,
} from './ollama-options.js';
import { ollamaStreamEvents } from './ollama-stream-events.js';
import { ollamaWholeReplyEvents } from './ollama-whole-reply-events.js';

/**
 * A provider for Ollama's native chat API, `POST {baseURL}/api/chat` (a local server at
 * `http://127.0.0.1:11434` by default, Ollama's cloud, or a proxy).
 *
 * - The reply streams as NDJSON, one JSON object per line: `message.content` gives
 *   `text-delta`s, `message.thinking` `reasoning-delta`s (ask with `think: true`),
 *   `message.tool_calls` complete `tool-call`s, the last object (`done: true`) the finish
 *   reason (`done_reason`) and the usage (`prompt_eval_count`, `eval_count`).
 * - Images must be `data:` URLs (Ollama takes the bytes); a tool result is matched to its call
 *   by the call's name, found from its `toolCallId`; `toolChoice` other than `'auto'`/`'none'`
 *   cannot be carried. What cannot be carried is an `InvalidRequestError` on subscribe.
 * - A key (`apiKey`, or `OLLAMA_API_KEY` for `https://ollama.com` only) goes in
 *   `authorization: Bearer`; no error repeats it, even when the server echoes it.
 * - Any model name is accepted, unless `models` is given.
 *
 * @example
 * ```ts
 * const ollama = new Ollama();
 * ollama
 *   .createCompletion('llama3.2', [{ role: 'user', content: 'Hello' }], true)
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
export class Ollama implements Provider<OllamaCompletionOptions> {
  /** The provider's name. */
  readonly name: string;
  /** The server's root (`http://127.0.0.1:11434`). */
  readonly url: string;
  /** Whether automatic selection may pick it. */
  readonly working: boolean;
  /** It streams. */
  readonly supportsStream: boolean = true;
  /** Whether `models` names a GPT-3.5 Turbo model (Ollama serves open models). */
  readonly supportsGpt35Turbo: boolean;
  /** Whether `models` names a GPT-4 model. */
  readonly supportsGpt4: boolean;
  /** The models it serves, or `undefined` for any. */
  readonly models: readonly string[] | undefined;
  readonly #endpoint: OllamaEndpoint;
  readonly #maxLineSize: number | undefined;

  /**
   * @param config - base URL (`http://127.0.0.1:11434` by default), key, headers, axios
   *   instance, models, name, flags, bounds.
   */
  constructor(config: OllamaConfig = {}) {
    this.name = config.name ?? 'Ollama';
    this.url = (config.baseURL ?? OLLAMA_BASE_URL).replace(/\/+$/, '');
    this.working = config.working ?? true;
    this.models = config.models ? [...config.models] : undefined;
    this.supportsGpt35Turbo = this.models?.some((m) => m.startsWith('gpt-3.5-turbo')) ?? false;
    this.supportsGpt4 = this.models?.some((m) => m.startsWith('gpt-4')) ?? false;
    this.#maxLineSize = config.maxLineSize;
    const apiKey = config.apiKey ?? ollamaEnvironmentApiKey(this.url);
    this.#endpoint = {
      provider: this.name,
      baseURL: this.url,
      headers: { ...config.headers, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      axios: config.axios,
      allowedRedirectOrigins: config.allowedRedirectOrigins,
      maxResponseBytes: config.maxResponseBytes,
    };
  }

  /** The redactor of this provider's credentials, read when a request is made. */
  #redactor(): SecretRedactor {
    const { headers, baseURL, axios } = this.#endpoint;
    return createSecretRedactor(requestSecrets({ headers, url: baseURL, axios }));
  }

  /**
   * Whether it serves `model` (every non-empty name, or one of `models` when that was given).
   *
   * @param model - the model name.
   */
  supportsModel(model: string): boolean {
    return model !== '' && (this.models?.includes(model) ?? true);
  }

  /**
   * Streams the completion's events: `reasoning-delta`s, `text-delta`s, `tool-call-delta`s
   * and `tool-call`s, then `finish` and `usage`.
   *
   * Cold; unsubscribing aborts the request. Errors: `InvalidRequestError` and
   * `ModelNotSupportedError` (on subscribe, before any request), `HttpStatusError` (with the
   * server's `error` as `serverMessage`), `UnexpectedResponseError`, `RedirectError`,
   * `ResponseTooLargeError` (`stream: false` past `maxResponseBytes`), `NetworkError`,
   * `StreamError` (an `{"error"}` line, a line that is not JSON or is too long, no
   * `done: true`), `TimeoutError`, `AbortedError`, `ConfigurationError`, `InterceptorError`.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` for NDJSON; `false` asks for one JSON object (one `text-delta`).
   * @param options - temperature, maxTokens, stop, think, tools, responseFormat, timeout...
   * @returns a cold Observable of events.
   */
  createCompletionEvents(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: OllamaCompletionOptions,
  ): Observable<CompletionEvent>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`
   * (`stream` defaults to `true`; `prompt` is one user message).
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of events.
   * @example
   * ```ts
   * new Ollama().createCompletionEvents({ model: 'qwen3', prompt: 'Hi', think: true });
   * ```
   */
  createCompletionEvents(
    request: CompletionRequest<OllamaCompletionOptions>,
  ): Observable<CompletionEvent>;
  createCompletionEvents(
    modelOrRequest: string | CompletionRequest<OllamaCompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: OllamaCompletionOptions = {},
  ): Observable<CompletionEvent> {
    if (isCompletionRequest<OllamaCompletionOptions>(modelOrRequest)) {
      const request = modelOrRequest;
      return defer(() => {
        const asked = fromCompletionRequest(request, this.name);
        return this.#events(asked.model, asked.messages, asked.stream, asked.options);
      });
    }
    return this.#events(modelOrRequest, messages as Messages, stream === true, options);
  }

  #events(
    model: string,
    messages: Messages,
    stream: boolean,
    options: OllamaCompletionOptions,
  ): Observable<CompletionEvent> {
    const provider = this.name;
    return protocolEvents<OllamaCompletionOptions>(
      {
        provider,
        baseURL: this.url,
        supportsModel: (name) => this.supportsModel(name),
        request: (asked, conversation, streamed, given) =>
          ollamaChatRequest(this.#endpoint, asked, conversation, streamed, given),
        streamEvents: (replyEnd) => (bytes$) =>
          bytes$.pipe(
            decodeUtf8(),
            parseJsonLines({
              provider,
              ...(this.#maxLineSize ? { maxLineSize: this.#maxLineSize } : {}),
            }),
            ollamaStreamEvents(provider, replyEnd),
          ),
        wholeReplyEvents: (text) => ollamaWholeReplyEvents(text, provider),
        redactor: () => this.#redactor(),
      },
      model,
      messages,
      stream,
      options,
    );
  }

  /**
   * Streams the completion's text: the `text-delta`s of {@link createCompletionEvents}.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` to emit deltas as they arrive, `false` for the whole reply once.
   * @param options - temperature, maxTokens, stop, think, timeout...
   * @returns a cold Observable of text.
   *
   * @example
   * ```ts
   * new Ollama().createCompletion('llama3.2', messages, true, { temperature: 0 })
   *   .pipe(toMessage())
   *   .subscribe((message) => history.push(message));
   * ```
   */
  createCompletion(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: OllamaCompletionOptions,
  ): Observable<string>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`.
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of text.
   * @example
   * ```ts
   * new Ollama().createCompletion({ model: 'llama3.2', prompt: 'Hello' });
   * ```
   */
  createCompletion(request: CompletionRequest<OllamaCompletionOptions>): Observable<string>;
  createCompletion(
    modelOrRequest: string | CompletionRequest<OllamaCompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: OllamaCompletionOptions = {},
  ): Observable<string> {
    const events$ = isCompletionRequest<OllamaCompletionOptions>(modelOrRequest)
      ? this.createCompletionEvents(modelOrRequest)
      : this.createCompletionEvents(modelOrRequest, messages as Messages, stream === true, options);
    return events$.pipe(textOfEvents());
  }
}
