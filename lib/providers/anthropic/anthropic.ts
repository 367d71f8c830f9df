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
import { anthropicEnvironmentKey } from './anthropic-environment-key.js';
import {
  ANTHROPIC_BASE_URL,
  ANTHROPIC_VERSION,
  type AnthropicCompletionOptions,
  type AnthropicConfig,
} from './anthropic-options.js';
import { messageObjectEvents } from './message-object-events.js';
import { messageStreamEvents } from './message-stream-events.js';
import { messagesRequest, type AnthropicEndpoint } from './messages-request.js';

/**
 * A provider for Anthropic's Messages API (`POST {baseURL}/v1/messages`), streamed as SSE.
 *
 * - `createCompletion` streams the text; `createCompletionEvents` also gives the thinking
 *   (`reasoning-delta`), the tool calls (`tool-call-delta`, then `tool-call`), the finish
 *   reason — Anthropic's own `stop_reason` (`end_turn`, `tool_use`, `max_tokens`,
 *   `stop_sequence`...) — and the token usage (input tokens include the prompt cache's).
 * - The key goes in `x-api-key`: `apiKey`, or `ANTHROPIC_API_KEY` for Anthropic's own origin
 *   (`https://api.anthropic.com`) only. `anthropic-version` is `2023-06-01` unless `version`.
 * - `max_tokens`, which the API requires, is 4096 unless `maxTokens` says otherwise.
 * - System messages become the top-level `system`; tool results become `tool_result` blocks
 *   of a user turn; consecutive turns of one role are merged (the API wants them alternating).
 * - An `overloaded_error` inside the stream is a `StreamError` that `retryCompletion` retries
 *   (before the first event) as it retries an HTTP 529.
 * - No error repeats a credential of the request, even when the server echoes it.
 *
 * @example
 * ```ts
 * const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
 * claude
 *   .createCompletion('claude-sonnet-4-5', [{ role: 'user', content: 'Hello' }], true)
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
export class Anthropic implements Provider<AnthropicCompletionOptions> {
  /** The provider's name. */
  readonly name: string;
  /** The API root (without `/v1`). */
  readonly url: string;
  /** Whether automatic selection may pick it. */
  readonly working: boolean;
  /** It streams. */
  readonly supportsStream: boolean = true;
  /** Claude serves no GPT-3.5 model. */
  readonly supportsGpt35Turbo: boolean = false;
  /** Claude serves no GPT-4 model. */
  readonly supportsGpt4: boolean = false;
  /** The models it serves, or `undefined` for any. */
  readonly models: readonly string[] | undefined;
  readonly #endpoint: AnthropicEndpoint;
  readonly #maxEventSize: number | undefined;

  /**
   * @param config - base URL (Anthropic's own by default), key, version, headers, axios
   *   instance, models, name, flags.
   */
  constructor(config: AnthropicConfig = {}) {
    this.name = config.name ?? 'Anthropic';
    this.url = (config.baseURL ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '');
    this.working = config.working ?? true;
    this.models = config.models ? [...config.models] : undefined;
    this.#maxEventSize = config.maxEventSize;
    const apiKey = config.apiKey ?? anthropicEnvironmentKey(this.url);
    this.#endpoint = {
      provider: this.name,
      baseURL: this.url,
      version: config.version ?? ANTHROPIC_VERSION,
      headers: { ...config.headers, ...(apiKey ? { 'x-api-key': apiKey } : {}) },
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
   * Cold; unsubscribing aborts the request. Errors: `InvalidRequestError` (on subscribe, for
   * what the Messages API cannot carry: a `responseFormat` without a schema, tool-call
   * arguments that are not a JSON object, an image in a system message...) and
   * `ModelNotSupportedError`, `HttpStatusError` (with Anthropic's `error.type` as
   * `errorType`), `UnexpectedResponseError`, `RedirectError`, `ResponseTooLargeError`,
   * `NetworkError`, `StreamError` (an `error` event, no `message_stop`, bad JSON, a tool
   * call's bad input), `TimeoutError`, `AbortedError`, `ConfigurationError`,
   * `InterceptorError`.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` for SSE; `false` posts a non-streaming request.
   * @param options - maxTokens, temperature, systemMessage, stop, thinking, tools,
   *   toolChoice, responseFormat, timeout, signal, body.
   * @returns a cold Observable of events.
   */
  createCompletionEvents(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: AnthropicCompletionOptions,
  ): Observable<CompletionEvent>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`
   * (`stream` defaults to `true`; `prompt` is one user message).
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of events.
   * @example
   * ```ts
   * claude.createCompletionEvents({ model: 'claude-sonnet-4-5', prompt: 'Hi', signal });
   * ```
   */
  createCompletionEvents(
    request: CompletionRequest<AnthropicCompletionOptions>,
  ): Observable<CompletionEvent>;
  createCompletionEvents(
    modelOrRequest: string | CompletionRequest<AnthropicCompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: AnthropicCompletionOptions = {},
  ): Observable<CompletionEvent> {
    if (isCompletionRequest<AnthropicCompletionOptions>(modelOrRequest)) {
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
    options: AnthropicCompletionOptions,
  ): Observable<CompletionEvent> {
    const provider = this.name;
    return protocolEvents<AnthropicCompletionOptions>(
      {
        provider,
        baseURL: this.url,
        supportsModel: (name) => this.supportsModel(name),
        request: (asked, conversation, streamed, given) =>
          messagesRequest(this.#endpoint, asked, conversation, streamed, given),
        streamEvents: (replyEnd) => (bytes$) =>
          bytes$.pipe(
            decodeUtf8(),
            parseServerSentEvents({
              provider,
              ...(this.#maxEventSize ? { maxEventSize: this.#maxEventSize } : {}),
            }),
            messageStreamEvents(provider, replyEnd),
          ),
        wholeReplyEvents: (text) => messageObjectEvents(text, provider),
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
   * @param options - maxTokens, temperature, systemMessage, stop, thinking, timeout, signal.
   * @returns a cold Observable of text.
   * @example
   * ```ts
   * claude.createCompletion('claude-sonnet-4-5', messages, true, { maxTokens: 1024 })
   *   .pipe(toMessage())
   *   .subscribe((message) => history.push(message));
   * ```
   */
  createCompletion(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: AnthropicCompletionOptions,
  ): Observable<string>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`.
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of text.
   * @example
   * ```ts
   * new Anthropic().createCompletion({ model: 'claude-sonnet-4-5', prompt: 'Hello' });
   * ```
   */
  createCompletion(request: CompletionRequest<AnthropicCompletionOptions>): Observable<string>;
  createCompletion(
    modelOrRequest: string | CompletionRequest<AnthropicCompletionOptions>,
    messages?: Messages,
    stream?: boolean,
    options: AnthropicCompletionOptions = {},
  ): Observable<string> {
    const events$ = isCompletionRequest<AnthropicCompletionOptions>(modelOrRequest)
      ? this.createCompletionEvents(modelOrRequest)
      : this.createCompletionEvents(modelOrRequest, messages as Messages, stream === true, options);
    return events$.pipe(textOfEvents());
  }
}
