import { protocolEvents } from '../protocol-events.js';
import { textOfEvents } from '../text-of-events.js';
import { defer, type Observable } from 'rxjs';
import type { CompletionEvent } from '../../events/completion-event.js';
import type { Messages } from '../../messages/chat-message.js';
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
import { geminiEnvironmentApiKey } from './gemini-api-key.js';
import {
  GEMINI_BASE_URL,
  type GeminiCompletionOptions,
  type GeminiConfig,
} from './gemini-options.js';
import { geminiRequest, type GeminiEndpoint } from './gemini-request.js';
import { geminiReplyEvents, geminiStreamEvents } from './gemini-stream-events.js';

/**
 * A provider for Google's Gemini API (`generateContent`, natively): text, images, tools,
 * thinking and JSON replies, streamed with `streamGenerateContent?alt=sse`.
 *
 * - `createCompletion` streams the text; `createCompletionEvents` also gives the thoughts
 *   (`reasoning-delta`, with the `thinking` option), the tool calls (`tool-call-delta` then
 *   `tool-call`; ids `call_<index>` where Gemini gives none), the finish reason and the usage.
 * - The key goes in `x-goog-api-key`, never in the URL: `apiKey`, or `GEMINI_API_KEY` for
 *   Google's own origin only — another server never gets that key unless it is passed.
 * - A blocked prompt or reply is a `ContentBlockedError` naming the reason and categories.
 * - Gemini has no end marker: a stream that ends before a finish reason is a `StreamError`
 *   (`truncated`).
 * - Any model name is accepted, unless `models` is given.
 *
 * @example
 * ```ts
 * const gemini = new Gemini({ apiKey: process.env.GEMINI_API_KEY });
 * gemini
 *   .createCompletion('gemini-2.5-flash', [{ role: 'user', content: 'Hello' }], true)
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
export class Gemini implements Provider<GeminiCompletionOptions> {
  /** The provider's name. */
  readonly name: string;
  /** The API root (`…/v1beta`). */
  readonly url: string;
  /** Whether automatic selection may pick it. */
  readonly working: boolean;
  /** It streams. */
  readonly supportsStream: boolean = true;
  /** Gemini serves no GPT-3.5 Turbo model. */
  readonly supportsGpt35Turbo: boolean = false;
  /** Gemini serves no GPT-4 model. */
  readonly supportsGpt4: boolean = false;
  /** The models it serves, or `undefined` for any. */
  readonly models: readonly string[] | undefined;
  readonly #endpoint: GeminiEndpoint;
  readonly #maxEventSize: number | undefined;

  /**
   * @param config - base URL (Google's by default), key, headers, axios instance, models,
   *   name, flags.
   */
  constructor(config: GeminiConfig = {}) {
    this.name = config.name ?? 'Gemini';
    this.url = (config.baseURL ?? GEMINI_BASE_URL).replace(/\/+$/, '');
    this.working = config.working ?? true;
    this.models = config.models ? [...config.models] : undefined;
    this.#maxEventSize = config.maxEventSize;
    const apiKey = config.apiKey ?? geminiEnvironmentApiKey(this.url);
    this.#endpoint = {
      provider: this.name,
      baseURL: this.url,
      headers: { ...config.headers, ...(apiKey ? { 'x-goog-api-key': apiKey } : {}) },
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
   * as the parts arrive, a `tool-call` per call, then `finish` and `usage`.
   *
   * Cold; unsubscribing aborts the request. Errors: `InvalidRequestError` and
   * `ModelNotSupportedError` (on subscribe, before any request), `HttpStatusError` (with
   * Google's `error.message` and `error.status`), `ContentBlockedError`, `StreamError` (an
   * error inside the stream, a `data:` that is not JSON, no finish reason, a tool call's bad
   * arguments), `UnexpectedResponseError`, `RedirectError`, `ResponseTooLargeError`,
   * `NetworkError`, `TimeoutError`, `ConfigurationError`, `InterceptorError`.
   *
   * @param model - the model name (`gemini-2.5-flash`).
   * @param messages - the conversation, oldest first.
   * @param stream - `true` for SSE; `false` calls `generateContent` (one `text-delta`).
   * @param options - temperature, maxTokens, stop, systemMessage, tools, toolChoice,
   *   responseFormat, thinking, timeout, signal, body.
   * @returns a cold Observable of events.
   */
  createCompletionEvents(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: GeminiCompletionOptions,
  ): Observable<CompletionEvent>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`
   * (`stream` defaults to `true`; `prompt` is one user message).
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of events.
   * @example
   * ```ts
   * gemini.createCompletionEvents({ model: 'gemini-2.5-flash', prompt: 'Hi', signal });
   * ```
   */
  createCompletionEvents(
    request: CompletionRequest<GeminiCompletionOptions>,
  ): Observable<CompletionEvent>;
  createCompletionEvents(
    modelOrRequest: string | CompletionRequest<GeminiCompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: GeminiCompletionOptions = {},
  ): Observable<CompletionEvent> {
    if (isCompletionRequest<GeminiCompletionOptions>(modelOrRequest)) {
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
    options: GeminiCompletionOptions,
  ): Observable<CompletionEvent> {
    const provider = this.name;
    return protocolEvents<GeminiCompletionOptions>(
      {
        provider,
        baseURL: this.url,
        supportsModel: (name) => this.supportsModel(name),
        request: (asked, conversation, streamed, given) =>
          geminiRequest(this.#endpoint, asked, conversation, streamed, given),
        streamEvents: () => (bytes$) =>
          bytes$.pipe(
            decodeUtf8(),
            parseServerSentEvents({
              provider,
              ...(this.#maxEventSize ? { maxEventSize: this.#maxEventSize } : {}),
            }),
            geminiStreamEvents(provider),
          ),
        wholeReplyEvents: (text) => geminiReplyEvents(text, provider),
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
   * @param options - as for {@link createCompletionEvents}.
   * @returns a cold Observable of text.
   * @example
   * ```ts
   * gemini.createCompletion('gemini-2.5-flash', messages, true, { temperature: 0 })
   *   .pipe(toMessage())
   *   .subscribe((message) => history.push(message));
   * ```
   */
  createCompletion(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: GeminiCompletionOptions,
  ): Observable<string>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`.
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of text.
   * @example
   * ```ts
   * new Gemini().createCompletion({ model: 'gemini-2.5-flash', prompt: 'Hello' });
   * ```
   */
  createCompletion(request: CompletionRequest<GeminiCompletionOptions>): Observable<string>;
  createCompletion(
    modelOrRequest: string | CompletionRequest<GeminiCompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: GeminiCompletionOptions = {},
  ): Observable<string> {
    const events$ = isCompletionRequest<GeminiCompletionOptions>(modelOrRequest)
      ? this.createCompletionEvents(modelOrRequest)
      : this.createCompletionEvents(modelOrRequest, messages as Messages, stream === true, options);
    return events$.pipe(textOfEvents());
  }
}
