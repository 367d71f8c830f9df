import { StreamError } from '../../errors/stream-error.js';
import type { ToolCallDeltaEvent } from '../../events/completion-event.js';

type Fields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** Where a wire tool call is read from, for errors. */
interface Source {
  readonly provider: string;
  readonly data: string;
  readonly field: string;
}

function wrongShape(source: Source, detail: string): StreamError {
  const { provider, data } = source;
  return new StreamError({
    kind: 'unexpected-shape',
    provider,
    detail: `${source.field} ${detail}`,
    excerpt: data,
  });
}

function optionalString(value: unknown, source: Source, what: string): string | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'string') throw wrongShape(source, `has a ${what} that is not a string`);
  return value;
}

/** `function.arguments`: JSON text; an object (as a few servers send whole) becomes its text. */
function argumentsText(value: unknown, source: Source): string {
  if (absent(value)) return '';
  if (typeof value === 'string') return value;
  if (isObject(value)) return JSON.stringify(value);
  throw wrongShape(source, 'has arguments that are neither JSON text nor an object');
}

function toDelta(call: unknown, position: number, source: Source): ToolCallDeltaEvent {
  if (!isObject(call)) throw wrongShape(source, 'holds an element that is not an object');
  const index = absent(call.index) ? position : call.index;
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
    throw wrongShape(source, 'has an index that is not an integer ≥ 0');
  }
  const fn = call.function;
  if (!absent(fn) && !isObject(fn))
    throw wrongShape(source, 'has a function that is not an object');
  const id = optionalString(call.id, source, 'id');
  const name = optionalString(fn?.name, source, 'function name');
  return {
    type: 'tool-call-delta',
    index,
    ...(id === undefined || id === '' ? {} : { id }),
    ...(name === undefined || name === '' ? {} : { name }),
    argumentsDelta: argumentsText(fn?.arguments, source),
  };
}

/**
 * The `tool-call-delta` events of a `delta` or `message`: one per element of its
 * `tool_calls` (`index`, `id`, `function.name`, `function.arguments`), in order. A streamed
 * delta carries pieces of calls told apart by `index`; a whole message carries each call
 * whole, so its delta has all the arguments. A server that leaves `index` out gets the
 * element's position (0 for a single call). The legacy `function_call` (`name`, `arguments`),
 * from before parallel calls, is call 0.
 *
 * @param fields - the `delta` or `message` object.
 * @param provider - the provider's name, for errors.
 * @param data - the JSON text it came from, for the error's excerpt.
 * @returns the deltas (none when there are no calls).
 * @throws StreamError `unexpected-shape` when `tool_calls` is not an array of call objects, or
 *   a call's `index`, `id`, `function`, name or arguments have the wrong type.
 * @example
 * ```ts
 * wireToolCallDeltas({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{"a"' } }] }, 'openai', data);
 * // [{ type: 'tool-call-delta', index: 0, id: 'call_1', name: 'f', argumentsDelta: '{"a"' }]
 * ```
 */
export function wireToolCallDeltas(
  fields: Fields,
  provider: string,
  data: string,
): ToolCallDeltaEvent[] {
  const { tool_calls: calls, function_call: legacy } = fields;
  if (!absent(calls)) {
    const source = { provider, data, field: 'tool_calls' };
    if (!Array.isArray(calls)) throw wrongShape(source, 'is not an array');
    return calls.map((call: unknown, position) => toDelta(call, position, source));
  }
  if (absent(legacy)) return [];
  const source = { provider, data, field: 'function_call' };
  if (!isObject(legacy)) throw wrongShape(source, 'is not an object');
  return [toDelta({ index: 0, function: legacy }, 0, source)];
}
