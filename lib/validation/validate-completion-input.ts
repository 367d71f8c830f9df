import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { describeValue } from './describe-value.js';
import { DEFAULT_MAX_INPUT_BYTES } from './input-limits.js';
import { utf8ByteLength } from './utf8-byte-length.js';
import { messagesViolation } from './validate-messages.js';
import { baseUrlViolation, optionsViolation } from './validate-options.js';
import type { Violation } from './violation.js';

/** What a provider hands to {@link validateCompletionInput}: its arguments, as given. */
export interface CompletionInput {
  /** The provider's name, for the error. */
  readonly provider: string;
  /** The model argument. */
  readonly model: unknown;
  /** The messages argument. */
  readonly messages: unknown;
  /** The options argument (`systemMessage`, `temperature`, `maxInputBytes`, ...). */
  readonly options: object;
  /** The base URL the request would go to. */
  readonly baseURL: unknown;
}

/** The message text of a request (every `content` and the system message), in UTF-8 bytes. */
function inputBytes(messages: readonly { readonly content: string }[], system: unknown): number {
  const texts = messages.map((message) => message.content);
  if (typeof system === 'string') texts.push(system);
  return texts.reduce((sum, text) => sum + utf8ByteLength(text), 0);
}

function sizeViolation(input: CompletionInput): Violation | undefined {
  const options = input.options as Readonly<Record<string, unknown>>;
  const limit = (options.maxInputBytes as number | undefined) ?? DEFAULT_MAX_INPUT_BYTES;
  const messages = input.messages as readonly { readonly content: string }[];
  const bytes = inputBytes(messages, options.systemMessage);
  if (bytes <= limit) return undefined;
  const reason = `hold ${bytes} bytes of text (contents and system message), more than maxInputBytes (${limit})`;
  return { field: 'messages', reason };
}

function firstViolation(input: CompletionInput): Violation | undefined {
  if (typeof input.model !== 'string') {
    return { field: 'model', reason: `must be a string, got ${describeValue(input.model)}` };
  }
  return (
    messagesViolation(input.messages) ??
    optionsViolation(input.options as Readonly<Record<string, unknown>>) ??
    baseUrlViolation(input.baseURL) ??
    sizeViolation(input)
  );
}

/**
 * Checks a completion's arguments before anything is sent, and throws an
 * {@link InvalidRequestError} naming the first rule broken. Providers call it first thing on
 * subscribe (inside their `defer`), so the error is the Observable's and no request is made.
 *
 * The rules: `model` a string; `messages` an array of objects with a non-empty string `role`
 * and a string `content`; `systemMessage` a string; `temperature` a finite number of 0 or
 * more; `maxTokens` and `maxInputBytes` positive integers; `stop` a string or strings; the
 * base URL an absolute `http:`/`https:` URL; and the message text (every `content` plus the
 * system message, in UTF-8) no more than `maxInputBytes`, 4 MiB by default. Options left out
 * are not checked. Which model names a provider serves is its own check
 * (`ModelNotSupportedError`).
 *
 * @param input - the provider's name and the caller's arguments.
 * @throws {@link InvalidRequestError} when a rule is broken.
 * @example
 * ```ts
 * return defer(() => {
 *   validateCompletionInput({ provider: 'Aivvm', model, messages, options, baseURL });
 *   return requestBytes(...);
 * });
 * ```
 */
export function validateCompletionInput(input: CompletionInput): void {
  const violation = firstViolation(input);
  if (violation !== undefined) {
    throw new InvalidRequestError({ provider: input.provider, ...violation });
  }
}
