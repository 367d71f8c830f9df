import { concatMap, reduce, type OperatorFunction } from 'rxjs';
import { SchemaValidationError, type SchemaIssue } from '../errors/schema-validation-error.js';
import { parseJsonText } from '../json/parse-json-text.js';
import type {
  StandardSchemaOutput,
  StandardSchemaV1,
  StandardSchemaV1Issue,
} from '../json/standard-schema.js';

function pathOf(issue: StandardSchemaV1Issue): string {
  let path = '';
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' ? segment.key : segment;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

async function checked(value: unknown, schema: StandardSchemaV1 | undefined): Promise<unknown> {
  if (schema === undefined) return value;
  const result = await schema['~standard'].validate(value);
  if (result.issues === undefined) return result.value;
  const issues: SchemaIssue[] = result.issues.map((issue) => ({
    message: issue.message,
    path: pathOf(issue),
  }));
  throw new SchemaValidationError(issues, value);
}

/**
 * Text chunks → the one value their whole text holds as JSON, emitted when the source completes,
 * checked by a Standard Schema (https://standardschema.dev: zod, valibot, arktype…) when one is
 * given, and typed by it.
 *
 * ```
 * source:    -'{"na'-'me":"Ada"}'-|
 * toObject(): ----------------------({ name: 'Ada' }|)
 * ```
 *
 * - A reply wrapped in a Markdown code fence (```` ```json … ``` ````) is read from inside it.
 * - Text that is not JSON errors with `JsonParseError` (`offset` says where); JSON that does not
 *   match the schema errors with `SchemaValidationError`, listing every issue and keeping the
 *   value. The schema's output is what is emitted (with its transforms and defaults applied).
 * - An error of the source passes through; nothing is emitted before the source completes.
 *
 * @see `partialJson` for the value as it grows.
 * @param schema - a Standard Schema to check and type the value; none for `unknown`.
 * @returns an operator from text chunks to one value.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 *
 * const Person = z.object({ name: z.string(), age: z.number() });
 * provider
 *   .createCompletion('gpt-4o-mini', messages, true, { systemMessage: 'Answer with JSON only.' })
 *   .pipe(toObject(Person))
 *   .subscribe((person) => console.log(person.name)); // typed as { name: string; age: number }
 * ```
 */
export function toObject(): OperatorFunction<string, unknown>;
export function toObject<Schema extends StandardSchemaV1>(
  schema: Schema,
): OperatorFunction<string, StandardSchemaOutput<Schema>>;
export function toObject(schema?: StandardSchemaV1): OperatorFunction<string, unknown> {
  return (source) =>
    source.pipe(
      reduce((text, chunk) => text + chunk, ''),
      concatMap((text) => checked(parseJsonText(text), schema)),
    );
}
