import { describeValue } from './describe-value.js';
import { jsonViolation } from './validate-body.js';
import type { Violation } from './violation.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What OpenAI, Anthropic and Gemini all accept as a function's or a schema's name. */
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function nameViolation(name: unknown, field: string): Violation | undefined {
  if (typeof name === 'string' && NAME.test(name)) return undefined;
  const got =
    typeof name === 'string' ? `a string of ${name.length} characters` : describeValue(name);
  return { field, reason: `must be 1 to 64 letters, digits, "_" or "-", got ${got}` };
}

function schemaViolation(schema: unknown, field: string): Violation | undefined {
  if (!isRecord(schema)) {
    return { field, reason: `must be a JSON Schema object, got ${describeValue(schema)}` };
  }
  return jsonViolation(schema, field, []);
}

function toolsViolation(tools: unknown): { violation?: Violation; names: Set<string> } {
  const names = new Set<string>();
  if (!Array.isArray(tools)) {
    const reason = `must be an array of tool definitions, got ${describeValue(tools)}`;
    return { violation: { field: 'tools', reason }, names };
  }
  for (const [index, tool] of (tools as readonly unknown[]).entries()) {
    const field = `tools[${index}]`;
    if (!isRecord(tool)) {
      return {
        violation: { field, reason: `must be an object, got ${describeValue(tool)}` },
        names,
      };
    }
    const violation =
      nameViolation(tool.name, `${field}.name`) ??
      (tool.description === undefined || typeof tool.description === 'string'
        ? undefined
        : {
            field: `${field}.description`,
            reason: `must be a string, got ${describeValue(tool.description)}`,
          }) ??
      schemaViolation(tool.parameters, `${field}.parameters`);
    if (violation) return { violation, names };
    const name = tool.name as string;
    if (names.has(name)) {
      return {
        violation: { field: `${field}.name`, reason: `must be unique: "${name}" is given twice` },
        names,
      };
    }
    names.add(name);
  }
  return { names };
}

function toolChoiceViolation(
  choice: unknown,
  names: ReadonlySet<string> | undefined,
): Violation | undefined {
  if (choice === 'auto' || choice === 'none') return undefined;
  if (choice === 'required') {
    if (names && names.size > 0) return undefined;
    return { field: 'toolChoice', reason: '"required" needs tools to choose from' };
  }
  if (isRecord(choice)) {
    const violation = nameViolation(choice.name, 'toolChoice.name');
    if (violation) return violation;
    if (names?.has(choice.name as string)) return undefined;
    return { field: 'toolChoice.name', reason: 'must be the name of one of the tools given' };
  }
  const reason = `must be "auto", "none", "required" or { name }, got ${describeValue(choice)}`;
  return { field: 'toolChoice', reason };
}

function responseFormatViolation(format: unknown): Violation | undefined {
  if (!isRecord(format)) {
    const reason = `must be { type: 'json' } or { type: 'json', schema }, got ${describeValue(format)}`;
    return { field: 'responseFormat', reason };
  }
  if (format.type !== 'json') {
    return {
      field: 'responseFormat.type',
      reason: `must be "json", got ${describeValue(format.type)}`,
    };
  }
  if (format.schema === undefined) {
    if (format.name === undefined) return undefined;
    return { field: 'responseFormat.name', reason: 'names a schema: give schema too' };
  }
  return (
    schemaViolation(format.schema, 'responseFormat.schema') ??
    (format.name === undefined ? undefined : nameViolation(format.name, 'responseFormat.name'))
  );
}

/**
 * Checks the tool and output options that are given: `tools` an array of
 * `{ name, description?, parameters }` (names of 1–64 letters, digits, `_`, `-`, unique;
 * `parameters` a JSON Schema object JSON can encode), `toolChoice` `'auto'`, `'none'`,
 * `'required'` (with tools) or `{ name }` of a given tool, `responseFormat`
 * `{ type: 'json', schema?, name? }`.
 *
 * @param options - the options as given.
 * @returns the first rule broken, or `undefined`.
 * @example
 * ```ts
 * toolOptionsViolation({ toolChoice: { name: 'weather' } });
 * // { field: 'toolChoice.name', reason: 'must be the name of one of the tools given' }
 * ```
 * @internal
 */
export function toolOptionsViolation(
  options: Readonly<Record<string, unknown>>,
): Violation | undefined {
  const { tools, toolChoice, responseFormat } = options;
  const checked = tools === undefined ? undefined : toolsViolation(tools);
  if (checked?.violation) return checked.violation;
  return (
    (toolChoice === undefined ? undefined : toolChoiceViolation(toolChoice, checked?.names)) ??
    (responseFormat === undefined ? undefined : responseFormatViolation(responseFormat))
  );
}
