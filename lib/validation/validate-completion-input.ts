import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { describeValue } from './describe-value.js';
import { DEFAULT_MAX_INPUT_BYTES } from './input-limits.js';
import { messagesViolation } from './validate-messages.js';
import { baseUrlViolation, optionsViolation } from './validate-options.js';
import type { Violation } from './violation.js';

/** Options as a JavaScript caller may pass them. */
type LooseOptions = Readonly<Record<string, unknown>>;

/** What a provider hands to {@link validateCompletionInput}: its arguments, as given. */
export interface CompletionInput {
  /** The provider's name, for the error. */
  readonly provider: string;
  /** The model argument. */
  readonly model: unknown;
  /** The messages argument. */
  readonly messages: unknown;
  /** The options argument (`systemMessage`, `temperature`, `maxInputBytes`, ...), as given. */
  readonly options: unknown;
  /** The base URL the request would go to. */
  readonly baseURL: unknown;
}

/** The model name alone past the bound: refused before a provider's model check quotes it. */
function modelSizeViolation(model: string, options: LooseOptions): Violation | undefined {
  const limit = (options.maxInputBytes as number | undefined) ?? DEFAULT_MAX_INPUT_BYTES;
  if (model.length <= limit) return undefined;
  const reason = `would make the request body at least ${model.length} bytes, more than maxInputBytes (${limit})`;
  return { field: 'model', reason };
}

function firstViolation(input: CompletionInput): Violation | undefined {
  const { model, options } = input;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { field: 'options', reason: `must be an object, got ${describeValue(options)}` };
  }
  const given = options as LooseOptions;
  if (typeof model !== 'string') {
    return { field: 'model', reason: `must be a string, got ${describeValue(model)}` };
  }
  return (
    messagesViolation(input.messages) ??
    optionsViolation(given) ??
    baseUrlViolation(input.baseURL) ??
    modelSizeViolation(model, given)
  );
}

/**
 * Checks a completion's arguments before anything is sent, and throws an
 * {@link InvalidRequestError} naming the first rule broken. Providers call it first thing on
 * subscribe (inside their `defer`), so the error is the Observable's and no request is made.
 *
 * The rules: `options` an object; `model` a string; `messages` an array of messages, each
 * of its role's shape (see `messagesViolation`: text or text and image parts, tool calls with
 * JSON arguments, tool results answering an earlier call); `systemMessage` a string;
 * `temperature` a finite number of 0 or more; `maxTokens` and `maxInputBytes` positive
 * integers; `stop` a string or strings; `tools`, `toolChoice` and `responseFormat` well
 * formed; `body` an object JSON encodes faithfully, without
 * `model`, `messages` or `stream`; the base URL an absolute `http:`/`https:` URL; and a model
 * name no longer than `maxInputBytes`. Options left out are not checked. The bound on the
 * whole request body is checked when it is encoded (`encodeRequestBody`); which model names a
 * provider serves is the provider's own check (`ModelNotSupportedError`).
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
