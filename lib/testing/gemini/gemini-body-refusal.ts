/**
 * Why a Gemini request body is refused: thrown by the body checks and turned into a 400
 * `INVALID_ARGUMENT` by `parseGeminiBody`, never outside it.
 *
 * @example
 * ```ts
 * throw new GeminiRefusal('* GenerateContentRequest.contents: contents is not specified');
 * ```
 */
export class GeminiRefusal extends Error {}

/** A JSON object's fields. */
export type GeminiFields = Readonly<Record<string, unknown>>;

/**
 * Whether a JSON value is an object (not an array, not `null`).
 *
 * @param value - any JSON value.
 */
export const isObject = (value: unknown): value is GeminiFields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Refuses a field of the wrong JSON type, in the words of Google's JSON mapping errors.
 *
 * @param field - the field's path, e.g. `contents[0].parts`.
 * @param expected - what it should be, e.g. `a list`.
 * @throws GeminiRefusal always.
 * @example
 * ```ts
 * refuseType('generationConfig.temperature', 'a number');
 * ```
 */
export function refuseType(field: string, expected: string): never {
  throw new GeminiRefusal(`Invalid JSON payload received. ${field} must be ${expected}.`);
}

/**
 * Refuses a field whose value is not allowed.
 *
 * @param field - the field's path.
 * @param reason - what is wrong with it.
 * @throws GeminiRefusal always.
 */
export function refuseValue(field: string, reason: string): never {
  throw new GeminiRefusal(`* GenerateContentRequest.${field}: ${reason}`);
}
