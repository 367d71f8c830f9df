import { concatMap, defer, throwError, type Observable, type OperatorFunction } from 'rxjs';
import type { CompletionEvent } from '../events/completion-event.js';
import { completeToolCalls } from '../events/complete-tool-calls.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import type { ByteRequest } from '../http/byte-request.js';
import { ReplyEnd } from '../http/reply-end.js';
import { requestBytes } from '../http/request-bytes.js';
import type { Messages } from '../messages/chat-message.js';
import { abortOnSignal } from '../operators/abort-on-signal.js';
import { redactErrors } from '../secrets/redact-errors.js';
import type { SecretRedactor } from '../secrets/secret-redactor.js';
import { givenOptions } from '../validation/given-options.js';
import { validateCompletionInput } from '../validation/validate-completion-input.js';
import type { CompletionOptions } from './provider.js';
import { readWholeText } from './read-whole-text.js';
import { withDeadlines } from './with-deadlines.js';

/**
 * What one HTTP chat protocol is made of, for {@link protocolEvents}: its request, and how its
 * reply becomes events, streamed or whole.
 *
 * @example
 * ```ts
 * const protocol: ChatProtocol<OllamaCompletionOptions> = {
 *   provider: 'Ollama', baseURL, supportsModel: () => true, redactor,
 *   request: (model, messages, stream, options) => ollamaChatRequest(endpoint, model, messages, stream, options),
 *   streamEvents: (replyEnd) => (bytes$) => bytes$.pipe(decodeUtf8(), parseJsonLines({ provider }), ollamaStreamEvents(provider, replyEnd)),
 *   wholeReplyEvents: (text) => ollamaWholeReplyEvents(text, 'Ollama'),
 * };
 * ```
 */
export interface ChatProtocol<Options extends CompletionOptions> {
  /** The provider's name, for errors. */
  readonly provider: string;
  /** Where requests go, for the input check. */
  readonly baseURL: string;
  /** Whether the provider serves `model`. */
  readonly supportsModel: (model: string) => boolean;
  /** The request for a completion (throws `InvalidRequestError` for what it cannot send). */
  readonly request: (
    model: string,
    messages: Messages,
    stream: boolean,
    options: Options,
  ) => ByteRequest;
  /**
   * The streamed body's bytes to events: decoding, framing and the protocol's events. A
   * protocol whose events end before the body does (an end marker) reaches `replyEnd` there.
   */
  readonly streamEvents: (replyEnd: ReplyEnd) => OperatorFunction<Uint8Array, CompletionEvent>;
  /** The events of a whole (non-streamed) reply's text. */
  readonly wholeReplyEvents: (text: string) => Iterable<CompletionEvent>;
  /** The redactor of the provider's credentials, read when a request is made. */
  readonly redactor: () => SecretRedactor;
}

/**
 * A completion's events over one chat protocol, as every provider of this package gives them:
 * on subscribe, the input is checked (`InvalidRequestError`) and the model
 * (`ModelNotSupportedError`) before any request; the reply's events go through
 * `completeToolCalls`; `timeout` deadlines and the `signal` apply; every error leaves through
 * the provider's redaction.
 *
 * @param protocol - the protocol's request and reply reading.
 * @param model - the model name.
 * @param messages - the conversation.
 * @param stream - streamed (`true`) or whole.
 * @param options - the completion options.
 * @returns a cold Observable of events; unsubscribing aborts the request.
 * @example
 * ```ts
 * return protocolEvents(this.#protocol, model, messages, stream, options);
 * ```
 */
export function protocolEvents<Options extends CompletionOptions>(
  protocol: ChatProtocol<Options>,
  model: string,
  messages: Messages,
  stream: boolean,
  options: Options,
): Observable<CompletionEvent> {
  const { provider } = protocol;
  const events$ = defer(() => {
    validateCompletionInput({ provider, model, messages, options, baseURL: protocol.baseURL });
    const deadlines = withDeadlines<CompletionEvent>(givenOptions(options).timeout);
    const abort = abortOnSignal<CompletionEvent>(givenOptions(options).signal);
    if (!protocol.supportsModel(model)) {
      return throwError(() => new ModelNotSupportedError(model, provider));
    }
    const replyEnd = new ReplyEnd();
    const request = protocol.request(model, messages, stream, options);
    const bytes$ = requestBytes({ ...request, replyEnd }).pipe(deadlines.bytes);
    const reply$ = stream
      ? bytes$.pipe(protocol.streamEvents(replyEnd))
      : bytes$.pipe(
          readWholeText(),
          concatMap((text) => protocol.wholeReplyEvents(text)),
        );
    return reply$.pipe(completeToolCalls(provider), deadlines.chunks, abort);
  });
  // Every error, whatever builds it, leaves through the one redaction.
  return defer(() => events$.pipe(redactErrors(protocol.redactor())));
}
