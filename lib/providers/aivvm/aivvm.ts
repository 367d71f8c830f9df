import { defer, map, reduce, throwError, type Observable } from 'rxjs';
import { decodeText } from '../../decode/decode-text.js';
import type { TextDeltaEvent } from '../../events/completion-event.js';
import { ModelNotSupportedError } from '../../errors/model-not-supported-error.js';
import { requestBytes } from '../../http/request-bytes.js';
import type { Messages } from '../../messages/chat-message.js';
import { redactErrors } from '../../secrets/redact-errors.js';
import { requestSecrets } from '../../secrets/request-secrets.js';
import { createSecretRedactor } from '../../secrets/secret-redactor.js';
import { givenOptions } from '../../validation/given-options.js';
import { abortOnSignal } from '../../operators/abort-on-signal.js';
import {
  fromCompletionRequest,
  isCompletionRequest,
  type CompletionRequest,
} from '../completion-request.js';
import { validateCompletionInput } from '../../validation/validate-completion-input.js';
import { withDeadlines } from '../with-deadlines.js';
import { AIVVM_DEFAULT_MODEL, AIVVM_MODELS, isAivvmModel } from './aivvm-models.js';
import type { AivvmOptions } from './aivvm-options.js';
import { aivvmRequest, AIVVM_URL } from './aivvm-request.js';

/**
 * The Aivvm provider of g4f, in reactive form: chatbot-ui's `/api/chat` at chat.aivvm.com,
 * answering a plain-text stream decoded by `decodeText()`.
 *
 * Its metadata are static, as the Python class attributes were. The public site is gone, so
 * `working` is `false` (automatic selection skips it); explicit use works against any server
 * that speaks the protocol, such as the loopback server of `rx-completions/testing`.
 *
 * @example
 * ```ts
 * Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hello' }], true, { baseURL })
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 */
// Aivvm's members are static, as the g4f class attributes were.
// eslint-disable-next-line @typescript-eslint/no-extraneous-class
export class Aivvm {
  /** The site the provider talked to. */
  static readonly url: string = AIVVM_URL;
  /** It streams its replies. */
  static readonly supportsStream: boolean = true;
  /** The public site is gone: automatic provider selection skips it. */
  static readonly working: boolean = false;
  /** It serves GPT-3.5 Turbo models. */
  static readonly supportsGpt35Turbo: boolean = true;
  /** It serves GPT-4 models. */
  static readonly supportsGpt4: boolean = true;
  /** The model table: the key is what callers pass, the value is sent in the body. */
  static readonly models = AIVVM_MODELS;

  private constructor() {
    // Static only, as the Python class was.
  }

  /**
   * Whether Aivvm serves `model` (an empty name means `gpt-3.5-turbo`).
   *
   * @param model - the model name a caller passes.
   */
  static supportsModel(model: string): boolean {
    return isAivvmModel(model || AIVVM_DEFAULT_MODEL);
  }

  /**
   * Streams a completion from chatbot-ui's `/api/chat`.
   *
   * - Cold: nothing is sent before subscribe; every subscription sends its own request.
   * - An empty model means `gpt-3.5-turbo`; a model outside {@link Aivvm.models} errors with
   *   `ModelNotSupportedError` on subscribe, before any request.
   * - The body's bytes go through `decodeText()`: UTF-8, or Python's `unicode-escape` where
   *   a chunk is not UTF-8, never broken at a chunk boundary.
   * - `stream: false` emits the whole reply as one string when the response ends.
   * - Unsubscribing aborts the request.
   * - Arguments are checked on subscribe, before any request: `InvalidRequestError` (see
   *   `validateCompletionInput`; the encoded request body is bounded by `maxInputBytes`, 4 MiB
   *   by default).
   * - `stream: false` reads at most `maxResponseBytes` (16 MiB): more is `ResponseTooLargeError`.
   * - Errors: `HttpStatusError` (status 400 or more), `UnexpectedResponseError` (a 204, 304 or
   *   HTML page instead of a reply), `RedirectError`, `NetworkError`, `DecodeError`,
   *   `TimeoutError` (the `timeout` option; by default, ten minutes without a byte), `ConfigurationError`, `InterceptorError`.
   *
   * @param model - a key of {@link Aivvm.models}, or `''`.
   * @param messages - the conversation, oldest first.
   * @param stream - emit chunks as they arrive (`true`) or the whole reply once (`false`).
   * @param options - `systemMessage`, `temperature`, `baseURL`, `axios`, `timeout`.
   * @returns a cold Observable of the reply's text.
   *
   * @example
   * ```ts
   * Aivvm.createCompletion('gpt-4', messages, true, {
   *   systemMessage: 'You are a translator',
   *   temperature: 0.9,
   * }).subscribe((chunk) => process.stdout.write(chunk));
   * ```
   */
  static createCompletion(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: AivvmOptions,
  ): Observable<string>;
  /**
   * The same, asked for as one object: `{ model, messages | prompt, stream?, ...options }`
   * (`stream` defaults to `true`; `prompt` is one user message).
   *
   * @param request - the model, the conversation or prompt, and the options.
   * @returns a cold Observable of the reply's text.
   * @example
   * ```ts
   * Aivvm.createCompletion({ model: 'gpt-4', prompt: 'Hello', baseURL, signal });
   * ```
   */
  static createCompletion(request: CompletionRequest<AivvmOptions>): Observable<string>;
  static createCompletion(
    modelOrRequest: string | CompletionRequest<AivvmOptions>,
    messages?: Messages,
    stream?: boolean,
    options: AivvmOptions = {},
  ): Observable<string> {
    if (isCompletionRequest<AivvmOptions>(modelOrRequest)) {
      const request = modelOrRequest;
      return defer(() => {
        const asked = fromCompletionRequest(request, 'Aivvm');
        return Aivvm.#complete(asked.model, asked.messages, asked.stream, asked.options);
      });
    }
    return Aivvm.#complete(modelOrRequest, messages as Messages, stream === true, options);
  }

  /**
   * The reply as events, for code written against every provider's `createCompletionEvents`:
   * chatbot-ui's protocol carries only text, so there are only `text-delta` events (no finish
   * reason, no usage, no tool calls). Errors are those of {@link Aivvm.createCompletion}.
   *
   * @param model - a key of {@link Aivvm.models}, or `''`.
   * @param messages - the conversation, oldest first.
   * @param stream - emit chunks as they arrive (`true`) or the whole reply once (`false`).
   * @param options - `systemMessage`, `temperature`, `baseURL`, `axios`, `timeout`.
   * @returns a cold Observable of `text-delta` events.
   * @example
   * ```ts
   * Aivvm.createCompletionEvents('gpt-4', messages, true, { baseURL }).subscribe(console.log);
   * ```
   */
  static createCompletionEvents(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: AivvmOptions,
  ): Observable<TextDeltaEvent> {
    return Aivvm.createCompletion(model, messages, stream, options).pipe(
      map((text): TextDeltaEvent => ({ type: 'text-delta', text })),
    );
  }

  static #complete(
    model: string,
    messages: Messages,
    stream: boolean,
    options: AivvmOptions,
  ): Observable<string> {
    return defer(() => {
      const baseURL = givenOptions(options).baseURL ?? AIVVM_URL;
      validateCompletionInput({ provider: 'Aivvm', model, messages, options, baseURL });
      const deadlines = withDeadlines<string>(givenOptions(options).timeout);
      const key = model || AIVVM_DEFAULT_MODEL;
      if (!isAivvmModel(key)) return throwError(() => new ModelNotSupportedError(model, 'Aivvm'));
      const request = aivvmRequest(AIVVM_MODELS[key], messages, options, stream);
      const text$ = requestBytes(request).pipe(
        deadlines.bytes,
        decodeText(),
        deadlines.chunks,
        redactErrors(createSecretRedactor(requestSecrets(request))),
      );
      const reply$ = stream ? text$ : text$.pipe(reduce((reply, chunk) => reply + chunk, ''));
      return reply$.pipe(abortOnSignal(givenOptions(options).signal));
    });
  }
}
