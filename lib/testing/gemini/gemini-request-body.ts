import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';
import { GeminiRefusal, isObject, refuseType, refuseValue } from './gemini-body-refusal.js';
import { geminiContent, geminiPartsText } from './gemini-content-field.js';

/**
 * A `generateContent` body, checked and read: what the loopback server's Gemini routes act on.
 *
 * @example
 * ```ts
 * const body: GeminiRequestBody = {
 *   messages: [{ role: 'user', content: 'Hi' }], answersTool: false, temperature: undefined,
 *   maxOutputTokens: undefined, stopSequences: [], includeThoughts: false, toolToCall: undefined,
 * };
 * ```
 */
export interface GeminiRequestBody {
  /** The conversation as messages, the system instruction first (role `system`) when given. */
  readonly messages: readonly DefaultReplyMessage[];
  /** Whether the last content holds function responses. */
  readonly answersTool: boolean;
  /** `generationConfig.temperature`. */
  readonly temperature: number | undefined;
  /** `generationConfig.maxOutputTokens`. */
  readonly maxOutputTokens: number | undefined;
  /** `generationConfig.stopSequences`. */
  readonly stopSequences: readonly string[];
  /** `generationConfig.thinkingConfig.includeThoughts`. */
  readonly includeThoughts: boolean;
  /** The function the default reply calls: the first allowed one, unless mode is `NONE`. */
  readonly toolToCall: string | undefined;
}

/** The outcome of {@link parseGeminiBody}: the body, or the message of the 400 to answer. */
export type GeminiBodyResult =
  | { readonly ok: true; readonly body: GeminiRequestBody }
  | { readonly ok: false; readonly message: string };

const TOP_LEVEL = new Set([
  'contents',
  'systemInstruction',
  'generationConfig',
  'tools',
  'toolConfig',
  'safetySettings',
  'cachedContent',
  'serviceTier',
  'store',
]);

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/;

type GenerationFields = Pick<
  GeminiRequestBody,
  'temperature' | 'maxOutputTokens' | 'stopSequences' | 'includeThoughts'
>;

function generationConfig(value: unknown): GenerationFields {
  if (value === undefined) {
    return {
      temperature: undefined,
      maxOutputTokens: undefined,
      stopSequences: [],
      includeThoughts: false,
    };
  }
  if (!isObject(value)) refuseType('generationConfig', 'an object');
  const { temperature, maxOutputTokens, stopSequences = [], thinkingConfig } = value;
  if (
    temperature !== undefined &&
    (typeof temperature !== 'number' || temperature < 0 || temperature > 2)
  ) {
    refuseValue('generation_config.temperature', 'temperature must be a number from 0 to 2');
  }
  if (
    maxOutputTokens !== undefined &&
    !(Number.isInteger(maxOutputTokens) && Number(maxOutputTokens) >= 1)
  ) {
    refuseValue('generation_config.max_output_tokens', 'max_output_tokens must be positive');
  }
  if (!Array.isArray(stopSequences)) refuseType('generationConfig.stopSequences', 'a list');
  const items: readonly unknown[] = stopSequences;
  const stops = items.filter((stop): stop is string => typeof stop === 'string');
  if (stops.length !== items.length) {
    refuseType('generationConfig.stopSequences', 'a list of strings');
  }
  if (stops.length > 5) refuseValue('generation_config.stop_sequences', 'at most 5 stop sequences');
  if (thinkingConfig !== undefined && !isObject(thinkingConfig))
    refuseType('generationConfig.thinkingConfig', 'an object');
  return {
    temperature,
    maxOutputTokens: maxOutputTokens as number | undefined,
    stopSequences: stops,
    includeThoughts: thinkingConfig?.includeThoughts === true,
  };
}

function declaredTools(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuseType('tools', 'a list');
  return value.flatMap((tool: unknown, index) => {
    if (!isObject(tool)) refuseType(`tools[${String(index)}]`, 'an object');
    const declarations = tool.functionDeclarations ?? [];
    if (!Array.isArray(declarations))
      refuseType(`tools[${String(index)}].functionDeclarations`, 'a list');
    return declarations.map((declaration: unknown, at) => {
      const name = isObject(declaration) ? declaration.name : undefined;
      if (typeof name !== 'string' || !FUNCTION_NAME.test(name)) {
        refuseValue(
          `tools[${String(index)}].function_declarations[${String(at)}].name`,
          'Invalid function name.',
        );
      }
      return name;
    });
  });
}

function toolToCall(tools: readonly string[], toolConfig: unknown): string | undefined {
  if (toolConfig !== undefined && !isObject(toolConfig)) refuseType('toolConfig', 'an object');
  const calling = toolConfig?.functionCallingConfig;
  if (calling === undefined) return tools[0];
  if (!isObject(calling)) refuseType('toolConfig.functionCallingConfig', 'an object');
  const { mode = 'AUTO', allowedFunctionNames } = calling;
  if (!['AUTO', 'ANY', 'NONE', 'VALIDATED'].includes(String(mode))) {
    refuseValue(
      'tool_config.function_calling_config.mode',
      `Invalid value: ${JSON.stringify(mode)}`,
    );
  }
  if (mode === 'NONE') return undefined;
  const allowed = Array.isArray(allowedFunctionNames)
    ? (allowedFunctionNames as unknown[])
    : undefined;
  return allowed === undefined ? tools[0] : tools.find((name) => allowed.includes(name));
}

function toBody(value: unknown): GeminiRequestBody {
  if (!isObject(value)) refuseType('body', 'a JSON object');
  const unknown = Object.keys(value).find((name) => !TOP_LEVEL.has(name));
  if (unknown !== undefined) {
    throw new GeminiRefusal(
      `Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`,
    );
  }
  const { contents, systemInstruction } = value;
  if (contents === undefined) refuseValue('contents', 'contents is not specified');
  if (!Array.isArray(contents)) refuseType('contents', 'a list');
  if (contents.length === 0) refuseValue('contents', 'contents is not specified');
  const readings = contents.map(geminiContent);
  let system: DefaultReplyMessage[] = [];
  if (systemInstruction !== undefined) {
    if (!isObject(systemInstruction)) refuseType('systemInstruction', 'an object');
    system = [
      {
        role: 'system',
        content: geminiPartsText(systemInstruction.parts, 'systemInstruction.parts'),
      },
    ];
  }
  const tools = declaredTools(value.tools);
  return {
    messages: [...system, ...readings.map((reading) => reading.message)],
    answersTool: readings.at(-1)?.answersTool ?? false,
    ...generationConfig(value.generationConfig),
    toolToCall: toolToCall(tools, value.toolConfig),
  };
}

/**
 * Parses and checks the raw body of `generateContent` / `streamGenerateContent` as the Gemini
 * API does: a JSON object of known fields; `contents` a non-empty list of `{ role?, parts }`
 * (role `user` or `model`; each part exactly one of `text`, `inlineData`, `fileData`,
 * `functionCall`, `functionResponse`); `systemInstruction.parts` likewise; `generationConfig`
 * with `temperature` 0 to 2, `maxOutputTokens` ≥ 1, up to 5 `stopSequences`; function names
 * Google accepts; a `functionCallingConfig.mode` among `AUTO`, `ANY`, `NONE`, `VALIDATED`.
 *
 * @param bytes - the raw request body.
 * @returns the body read, or the message of the 400 `INVALID_ARGUMENT` to answer.
 * @example
 * ```ts
 * parseGeminiBody(new TextEncoder().encode('{}')); // { ok: false, message: '* GenerateContentRequest.contents: contents is not specified' }
 * ```
 */
export function parseGeminiBody(bytes: Uint8Array): GeminiBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: 'Invalid JSON payload received. The body is not UTF-8 JSON.' };
  }
  try {
    return { ok: true, body: toBody(value) };
  } catch (error) {
    if (error instanceof GeminiRefusal) return { ok: false, message: error.message };
    throw error;
  }
}
