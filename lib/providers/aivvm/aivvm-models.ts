/** A model as chatbot-ui's `ChatBody` names it: sent as-is in the request body. */
export interface AivvmModel {
  /** The model id the upstream API takes. */
  readonly id: string;
  /** The name chatbot-ui shows. */
  readonly name: string;
}

/**
 * The models Aivvm serves, keyed by what the caller passes (g4f's Aivvm model table).
 */
export const AIVVM_MODELS = {
  'gpt-3.5-turbo': { id: 'gpt-3.5-turbo', name: 'GPT-3.5' },
  'gpt-3.5-turbo-0613': { id: 'gpt-3.5-turbo-0613', name: 'GPT-3.5-0613' },
  'gpt-3.5-turbo-16k': { id: 'gpt-3.5-turbo-16k', name: 'GPT-3.5-16K' },
  'gpt-3.5-turbo-16k-0613': { id: 'gpt-3.5-turbo-16k-0613', name: 'GPT-3.5-16K-0613' },
  'gpt-4': { id: 'gpt-4', name: 'GPT-4' },
  'gpt-4-0613': { id: 'gpt-4-0613', name: 'GPT-4-0613' },
  'gpt-4-32k': { id: 'gpt-4-32k', name: 'GPT-4-32K' },
  'gpt-4-32k-0613': { id: 'gpt-4-32k-0613', name: 'GPT-4-32K-0613' },
} as const satisfies Readonly<Record<string, AivvmModel>>;

/** A model name Aivvm serves. */
export type AivvmModelName = keyof typeof AIVVM_MODELS;

/** The model an empty model name means (as in g4f's Aivvm provider). */
export const AIVVM_DEFAULT_MODEL: AivvmModelName = 'gpt-3.5-turbo';

/**
 * Whether `model` is a key of the Aivvm model table.
 *
 * @param model - the name the caller passed.
 */
export function isAivvmModel(model: string): model is AivvmModelName {
  return Object.prototype.hasOwnProperty.call(AIVVM_MODELS, model);
}
