import {
  given,
  invalid,
  isFields,
  kindOf,
  Refusal,
  wrongType,
  type Fields,
} from './body-refusal.js';

/** A function tool the request offers: its name, description and JSON Schema parameters. */
export interface OfferedTool {
  /** The function's name. */
  readonly name: string;
  /** What it does, when given. */
  readonly description: string | undefined;
  /** Its parameters' JSON Schema (`{}` when not given). */
  readonly parameters: Fields;
}

/** `tool_choice`: a mode, or the one function the model must call. */
export type OfferedToolChoice = 'none' | 'auto' | 'required' | { readonly name: string };

/** `response_format`: plain text, any JSON object, or JSON matching a schema. */
export type RequestedFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: Fields };

/** Function names as OpenAI takes them: letters, digits, `_` and `-`, at most 64. */
const NAME = /^[a-zA-Z0-9_-]{1,64}$/u;

/**
 * Checks a function or schema name.
 *
 * @param param - the field, for the error.
 * @param value - the value.
 * @returns the name.
 * @throws Refusal when it is not a string of letters, digits, `_` and `-` (1 to 64).
 */
export function functionName(param: string, value: unknown): string {
  if (value === undefined) {
    throw new Refusal(
      `Missing required parameter: '${param}'.`,
      param,
      'missing_required_parameter',
    );
  }
  if (typeof value !== 'string') wrongType(param, 'a string', value);
  if (!NAME.test(value)) {
    invalid(
      param,
      `string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' (1 to 64 characters).`,
    );
  }
  return value;
}

function toTool(value: unknown, index: number): OfferedTool {
  const param = `tools[${index}]`;
  if (!isFields(value)) wrongType(param, 'an object', value);
  if (value.type !== 'function') {
    invalid(`${param}.type`, `expected 'function', got ${kindOf(value.type)}.`);
  }
  const fn = value.function;
  if (!isFields(fn)) wrongType(`${param}.function`, 'an object', fn);
  const name = functionName(`${param}.function.name`, fn.name);
  const description = given(fn, 'description');
  if (description !== undefined && typeof description !== 'string') {
    wrongType(`${param}.function.description`, 'a string', description);
  }
  const parameters = given(fn, 'parameters') ?? {};
  if (!isFields(parameters)) wrongType(`${param}.function.parameters`, 'an object', parameters);
  return { name, description, parameters };
}

/**
 * Reads `tools`: when given, a non-empty array of `{ type: 'function', function: { name,
 * description?, parameters? } }`, names unique.
 *
 * @param fields - the request body.
 * @returns the tools (none when not given).
 * @throws Refusal naming the field at fault.
 * @example
 * ```ts
 * toolsOf({ tools: [{ type: 'function', function: { name: 'f' } }] }); // [{ name: 'f', description: undefined, parameters: {} }]
 * ```
 */
export function toolsOf(fields: Fields): readonly OfferedTool[] {
  const value = given(fields, 'tools');
  if (value === undefined) return [];
  if (!Array.isArray(value)) wrongType('tools', 'an array', value);
  if (value.length === 0) invalid('tools', 'empty array. Expected an array with minimum length 1.');
  const tools = value.map(toTool);
  const names = new Set<string>();
  for (const { name } of tools) {
    if (names.has(name)) invalid('tools', `duplicate function name '${name}'.`);
    names.add(name);
  }
  return tools;
}

/**
 * Reads `tool_choice`: `'none'`, `'auto'`, `'required'` or `{ type: 'function', function:
 * { name } }` naming an offered tool; only allowed with `tools`.
 *
 * @param fields - the request body.
 * @param tools - the offered tools.
 * @returns the choice, `undefined` when not given.
 * @throws Refusal naming the field at fault.
 * @example
 * ```ts
 * toolChoiceOf({ tool_choice: 'required' }, tools); // 'required'
 * ```
 */
export function toolChoiceOf(
  fields: Fields,
  tools: readonly OfferedTool[],
): OfferedToolChoice | undefined {
  const value = given(fields, 'tool_choice');
  if (value === undefined) return undefined;
  if (tools.length === 0) invalid('tool_choice', "only allowed when 'tools' are specified.");
  if (value === 'none' || value === 'auto' || value === 'required') return value;
  if (typeof value === 'string') {
    invalid('tool_choice', `'${value}'; supported values: 'none', 'auto', 'required'.`);
  }
  if (!isFields(value)) wrongType('tool_choice', 'a string or an object', value);
  if (value.type !== 'function') invalid('tool_choice.type', "expected 'function'.");
  if (!isFields(value.function)) wrongType('tool_choice.function', 'an object', value.function);
  const name = functionName('tool_choice.function.name', value.function.name);
  if (!tools.some((tool) => tool.name === name)) {
    invalid('tool_choice', `no function named '${name}' was specified in the 'tools' parameter.`);
  }
  return { name };
}

/**
 * Reads `response_format`: `{ type: 'text' }`, `{ type: 'json_object' }` or
 * `{ type: 'json_schema', json_schema: { name, schema?, strict?, description? } }`.
 *
 * @param fields - the request body.
 * @returns the format, `undefined` when not given.
 * @throws Refusal naming the field at fault.
 * @example
 * ```ts
 * responseFormatOf({ response_format: { type: 'json_object' } }); // { type: 'json_object' }
 * ```
 */
export function responseFormatOf(fields: Fields): RequestedFormat | undefined {
  const value = given(fields, 'response_format');
  if (value === undefined) return undefined;
  if (!isFields(value)) wrongType('response_format', 'an object', value);
  const { type } = value;
  if (type === 'text' || type === 'json_object') return { type };
  if (type !== 'json_schema') {
    invalid(
      'response_format.type',
      `${typeof type === 'string' ? `'${type}'` : kindOf(type)}; supported values: 'text', 'json_object', 'json_schema'.`,
    );
  }
  const spec = value.json_schema;
  if (spec === undefined) {
    throw new Refusal(
      "Missing required parameter: 'response_format.json_schema'.",
      'response_format.json_schema',
      'missing_required_parameter',
    );
  }
  if (!isFields(spec)) wrongType('response_format.json_schema', 'an object', spec);
  const name = functionName('response_format.json_schema.name', spec.name);
  const schema = given(spec, 'schema') ?? {};
  if (!isFields(schema)) wrongType('response_format.json_schema.schema', 'an object', schema);
  const strict = given(spec, 'strict');
  if (strict !== undefined && typeof strict !== 'boolean') {
    wrongType('response_format.json_schema.strict', 'a boolean', strict);
  }
  return { type, name, schema };
}
