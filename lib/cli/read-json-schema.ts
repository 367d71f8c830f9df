import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';

import type { ResponseFormat } from '../json/response-format.js';
import { UsageError } from './usage-error.js';

/** A schema name from the file's: letters, digits, `_` and `-`, at most 64 (the APIs' rule). */
function schemaName(file: string): string {
  const name = basename(file, extname(file))
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .slice(0, 64);
  return name === '' || name === '_' ? 'response' : name;
}

/**
 * The `responseFormat` of `--json-schema FILE`: the JSON Schema in the file (a JSON object),
 * named after the file (`person.schema.json` → `person_schema`).
 *
 * @param file - the path given, or `undefined` when the option is not.
 * @returns the response format, or `undefined`.
 * @throws {@link UsageError} when the file cannot be read, is not JSON, or is not an object.
 * @example
 * ```ts
 * await readJsonSchema('person.json'); // { type: 'json', name: 'person', schema: { ... } }
 * ```
 */
export async function readJsonSchema(
  file: string | undefined,
): Promise<ResponseFormat | undefined> {
  if (file === undefined) return undefined;
  const shown = JSON.stringify(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unreadable';
    throw new UsageError(`cannot read --json-schema ${shown}: ${code}`);
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    throw new UsageError(`--json-schema ${shown} is not JSON`);
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new UsageError(`--json-schema ${shown} must hold a JSON Schema object`);
  }
  return {
    type: 'json',
    schema: schema as Readonly<Record<string, unknown>>,
    name: schemaName(file),
  };
}
