import { protocolEvents } from '../protocol-events.js';
import { textOfEvents } from '../text-of-events.js';
import { defer, map, type Observable } from 'rxjs';
import { requestBytes } from '../../http/request-bytes.js';
import type { Messages } from '../../messages/chat-message.js';
import { redactErrors } from '../../secrets/redact-errors.js';
import { requestSecrets } from '../../secrets/request-secrets.js';
import { createSecretRedactor, type SecretRedactor } from '../../secrets/secret-redactor.js';
import { decodeUtf8 } from '../../sse/decode-utf8.js';
import { parseServerSentEvents } from '../../sse/parse-server-sent-events.js';
import {
  fromCompletionRequest,
  isCompletionRequest,
  type CompletionRequest,
} from '../completion-request.js';
import type { Provider } from '../provider.js';
import { chatChunkEvents } from './chat-chunk-events.js';
import { chatCompletionEvents } from './chat-completion-object-events.js';
import {
  chatCompletionsRequest,
  listModelsRequest,
  type OpenAIEndpoint,
} from './chat-completions-request.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { parseModelList, type ModelInfo } from './model-info.js';
import {
  OPENAI_BASE_URL,
  type OpenAICompatibleConfig,
  type OpenAICompletionOptions,
} from './openai-compatible-options.js';
import { environmentApiKey } from './environment-api-key.js';
import { readWholeText } from '../read-whole-text.js';

/**
 * A provider for any OpenAI-compatible `/v1/chat/completions`: OpenAI, Ollama, llama.cpp,
 * vLLM, LM Studio, proxies — and the loopback server's `/v1`.
 *
 * - `createCompletion` streams the content deltas as text; `createCompletionEvents` also
 *   gives the finish reason and the token usage (the text is derived from the events).
 * - The SSE body is decoded as UTF-8 across chunk boundaries and parsed by the maintained
 *   `eventsource-parser`; `data: [DONE]` ends the stream.
 * - The key goes in `authorization`: `apiKey`, or `OPENAI_API_KEY` for OpenAI's own origin
 *   (`https://api.openai.com`) only — another server never gets that key unless it is passed.
 * - No error repeats a credential of the request (the key, the `headers`, the axios instance's
 *   default headers and `auth`, the base URL's user info), even when the server echoes it.
 * - Any model name is accepted, unless `models` is given.
 *
 * @example
 * ```ts
 * const provider = new OpenAICompatible({ baseURL: 'http://127.0.0.1:11434/v1' });
 * provider
 *   .createCompletion('llama3.2', [{ role: 'user', content: 'Hello' }], true)
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
export class OpenAICompatible implements Provider<OpenAICompletionOptions> {
  /** The provider's name. */
  readonly name: string;
  /** The API root (`…/v1`). */
  readonly url: string;
  /** Whether automatic selection may pick it. */
  readonly working: boolean;
  /** It streams. */
  readonly supportsStream: boolean = true;
  /** Whether it serves a GPT-3.5 Turbo model (any model, when no list is given). */
  readonly supportsGpt35Turbo: boolean;
  /** Whether it serves a GPT-4 model (any model, when no list is given). */
  readonly supportsGpt4: boolean;
  /** The models it serves, or `undefined` for any. */
  readonly models: readonly string[] | undefined;
  readonly #endpoint: OpenAIEndpoint;
  readonly #maxEventSize: number | undefined;

  /**
   * @param config - base URL (OpenAI's own by default), key, headers, axios instance, models,
   *   name, flags.
   */
  constructor(config: OpenAICompatibleConfig = {}) {
    this.name = config.name ?? 'OpenAICompatible';
    this.url = (config.baseURL ?? OPENAI_BASE_URL).replace(/\/+$/, '');
    this.working = config.working ?? true;
    this.models = config.models ? [...config.models] : undefined;
    this.supportsGpt35Turbo = this.models?.some((m) => m.startsWith('gpt-3.5-turbo')) ?? true;
    this.supportsGpt4 = this.models?.some((m) => m.startsWith('gpt-4')) ?? true;
    this.#maxEventSize = config.maxEventSize;
    const apiKey = config.apiKey ?? environmentApiKey(this.url);
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
   * Streams the completion's events: `reasoning-delta`s, `text-delta`s and `tool-call-delta`s
   * as they arrive, one `tool-call` per complete call (right before the `finish`), then
   * `finish` and `usage`.
   *
   * Cold; unsubscribing aborts the request. Errors: `InvalidRequestError` and
   * `ModelNotSupportedError` (on subscribe, before any request), `HttpStatusError`,
   * `UnexpectedResponseError` (a 204, an HTML page, JSON where SSE was asked: with the
   * server's `error.message` when it sent one), `RedirectError`, `ResponseTooLargeError`
   * (`stream: false` past `maxResponseBytes`), `NetworkError`, `StreamError` (an error inside
   * the stream, a `data:` that is not JSON, no `[DONE]`, a `tool_calls` of the wrong shape,
   * a tool call whose arguments are not JSON or that has no name), `TimeoutError` (the
   * `timeout` option; by default, ten minutes without a byte),
   * `ConfigurationError`, `InterceptorError`.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` for SSE; `false` posts a non-streaming request (one `text-delta`).
   * @param options - temperature, maxTokens, systemMessage, stop, timeout, body.
   * @returns a cold Observable of events.
   */
  createCompletionEvents(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: OpenAICompletionOptions,
  ): Observable<CompletionEvent>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`
   * (`stream` defaults to `true`; `prompt` is one user message).
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of events.
   * @example
   * ```ts
   * provider.createCompletionEvents({ model: 'gpt-4o-mini', prompt: 'Hi', signal });
   * ```
   */
  createCompletionEvents(
    request: CompletionRequest<OpenAICompletionOptions>,
  ): Observable<CompletionEvent>;
  createCompletionEvents(
    modelOrRequest: string | CompletionRequest<OpenAICompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: OpenAICompletionOptions = {},
  ): Observable<CompletionEvent> {
    if (isCompletionRequest<OpenAICompletionOptions>(modelOrRequest)) {
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
    options: OpenAICompletionOptions,
  ): Observable<CompletionEvent> {
    const provider = this.name;
    return protocolEvents<OpenAICompletionOptions>(
      {
        provider,
        baseURL: this.url,
        supportsModel: (name) => this.supportsModel(name),
        request: (asked, conversation, streamed, given) =>
          chatCompletionsRequest(this.#endpoint, asked, conversation, streamed, given),
        streamEvents: (replyEnd) => (bytes$) =>
          bytes$.pipe(
            decodeUtf8(),
            parseServerSentEvents({
              provider,
              ...(this.#maxEventSize ? { maxEventSize: this.#maxEventSize } : {}),
            }),
            chatChunkEvents(provider, replyEnd),
          ),
        wholeReplyEvents: (text) => chatCompletionEvents(text, provider),
        redactor: () => this.#redactor(),
      },
      model,
      messages,
      stream,
      options,
    );
  }

  /**
   * Streams the completion's text: the content deltas of {@link createCompletionEvents}.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` to emit deltas as they arrive, `false` for the whole reply once.
   * @param options - temperature, maxTokens, systemMessage, stop, timeout, body.
   * @returns a cold Observable of text.
   *
   * @example
   * ```ts
   * provider.createCompletion('gpt-4o-mini', messages, true, { temperature: 0 })
   *   .pipe(toMessage())
   *   .subscribe((message) => history.push(message));
   * ```
   */
  createCompletion(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: OpenAICompletionOptions,
  ): Observable<string>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`
   * (`stream` defaults to `true`; `prompt` is one user message).
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of text.
   * @example
   * ```ts
   * new OpenAICompatible().createCompletion({ model: 'gpt-4o-mini', prompt: 'Hello' });
   * ```
   */
  createCompletion(request: CompletionRequest<OpenAICompletionOptions>): Observable<string>;
  createCompletion(
    modelOrRequest: string | CompletionRequest<OpenAICompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: OpenAICompletionOptions = {},
  ): Observable<string> {
    const events$ = isCompletionRequest<OpenAICompletionOptions>(modelOrRequest)
      ? this.createCompletionEvents(modelOrRequest)
      : this.createCompletionEvents(modelOrRequest, messages as Messages, stream === true, options);
    return events$.pipe(textOfEvents());
  }

  /**
   * Lists the models the server offers (`GET {baseURL}/models`), reading at most
   * `maxResponseBytes` (16 MiB by default; more is `ResponseTooLargeError`).
   *
   * @returns a cold Observable that emits the list once.
   */
  listModels(): Observable<readonly ModelInfo[]> {
    const provider = this.name;
    return defer(() =>
      requestBytes(listModelsRequest(this.#endpoint)).pipe(
        readWholeText(),
        map((text) => parseModelList(text, provider)),
        redactErrors(this.#redactor()),
      ),
    );
  }
}
