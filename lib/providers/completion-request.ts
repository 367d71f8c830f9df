import { InvalidRequestError } from '../errors/invalid-request-error.js';
import type { Messages } from '../messages/chat-message.js';
import type { CompletionOptions } from './provider.js';

/**
 * A completion asked for as one object, beside the positional form: the model, the
 * conversation (`messages`) or a single user `prompt`, `stream` (default `true`), and every
 * option of the provider (`signal`, `timeout`, `temperature`…).
 *
 * @example
 * ```ts
 * provider.createCompletion({ model: 'gpt-4o-mini', prompt: 'Hello', signal, temperature: 0 });
 * ```
 */
export type CompletionRequest<Options extends CompletionOptions = CompletionOptions> = Options & {
  /** The model name. */
  readonly model: string;
  /**
   * Stream chunks as they arrive (`true`) or emit the whole reply once.
   * @default true
   */
  readonly stream?: boolean;
} & (
    | {
        /** The conversation, oldest first. */
        readonly messages: Messages;
        readonly prompt?: undefined;
      }
    | {
        /** One user message: the same as `messages: [{ role: 'user', content: prompt }]`. */
        readonly prompt: string;
        readonly messages?: undefined;
      }
  );

/** The positional arguments a {@link CompletionRequest} stands for. */
export interface PositionalCompletion<Options> {
  readonly model: string;
  readonly messages: Messages;
  readonly stream: boolean;
  readonly options: Options;
}

/**
 * The positional arguments of a {@link CompletionRequest}: `prompt` becomes one user message.
 *
 * @param request - the request object (as a JavaScript caller may pass it).
 * @param provider - the provider's name, for errors.
 * @returns the model, messages, stream flag and the remaining options.
 * @throws InvalidRequestError when both or neither of `messages` and `prompt` are given, or
 *   `prompt` is not a string (call it on subscribe).
 * @internal
 */
export function fromCompletionRequest<Options extends CompletionOptions>(
  request: CompletionRequest<Options>,
  provider: string,
): PositionalCompletion<Options> {
  const { model, messages, prompt, stream = true, ...options } = request;
  // The types keep `prompt` and `messages` apart; a JavaScript caller may still send both.
  const given = request as { readonly prompt?: unknown; readonly messages?: unknown };
  if (given.prompt !== undefined && given.messages !== undefined) {
    throw new InvalidRequestError({
      provider,
      field: 'prompt',
      reason: 'cannot be given with messages: pass one or the other',
    });
  }
  if (given.prompt !== undefined && typeof given.prompt !== 'string') {
    throw new InvalidRequestError({ provider, field: 'prompt', reason: 'must be a string' });
  }
  const conversation: Messages =
    prompt === undefined ? messages : [{ role: 'user', content: prompt }];
  // What is left once the request's own fields are taken out is the provider's options.
  return { model, messages: conversation, stream, options: options as unknown as Options };
}

/**
 * Whether the first argument of a `createCompletion` is the request object (not a model name).
 *
 * @param value - the first argument.
 * @internal
 */
export function isCompletionRequest<Options extends CompletionOptions>(
  value: unknown,
): value is CompletionRequest<Options> {
  return typeof value === 'object' && value !== null;
}
