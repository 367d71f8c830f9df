import type { SecretRedactor } from './secret-redactor.js';

/** How deep nested causes, failures and records are followed. */
const MAX_DEPTH = 8;

/** A nested error's message before and after redaction: the outer texts that quote it change too. */
interface Rewrite {
  readonly from: string;
  readonly to: string;
}

interface Walk {
  readonly redactor: SecretRedactor;
  readonly seen: WeakSet<object>;
  readonly rewrites: Rewrite[];
}

function redactText(text: string, walk: Walk): string {
  let safe = text;
  for (const { from, to } of walk.rewrites) safe = safe.split(from).join(to);
  return walk.redactor.redact(safe);
}

function isPlainRecord(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function redactValue(value: unknown, walk: Walk, depth: number): unknown {
  if (typeof value === 'string') return redactText(value, walk);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    redactInPlace(value, walk, depth + 1);
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, walk, depth + 1));
  if (!isPlainRecord(value)) return value;
  const record: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) record[key] = redactValue(item, walk, depth + 1);
  return record;
}

/** Redacts every own data property of `error`: nested values first, then its own texts. */
function redactInPlace(error: Error, walk: Walk, depth: number): void {
  if (walk.seen.has(error)) return;
  walk.seen.add(error);
  const before = error.message;
  const keys = Object.getOwnPropertyNames(error);
  const texts = keys.filter(
    (key) => typeof Object.getOwnPropertyDescriptor(error, key)?.value === 'string',
  );
  for (const key of [...keys.filter((key) => !texts.includes(key)), ...texts]) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined || !('value' in descriptor)) continue;
    const value: unknown = descriptor.value;
    const safe = redactValue(value, walk, depth);
    if (safe === value) continue;
    try {
      Object.defineProperty(error, key, { ...descriptor, value: safe });
    } catch {
      // A frozen error keeps its property; this package's errors are never frozen.
    }
  }
  if (error.message !== before) walk.rewrites.push({ from: before, to: error.message });
}

/**
 * Removes a request's secrets from an error, whatever its class: its `message`, its `stack`,
 * every other own string field (`statusText`, `bodyExcerpt`, `detail`, `excerpt`, `reason`...),
 * the strings of its records and arrays (`responseHeaders`, `failures`), and, recursively, the
 * errors it holds (`cause`, each failure of an `AllProvidersFailedError`). A message that
 * quotes a nested error's message (as `AllProvidersFailedError`'s does) gets the redacted one.
 * What `toJSON`, `JSON.stringify` and `util.inspect` print follows, as they read those fields.
 *
 * The error is redacted in place (its class, brand and `instanceof` are kept) and returned;
 * a string is returned redacted; any other value is returned as it is.
 *
 * @param error - what a pipeline failed with.
 * @param redactor - the request's redactor, from `createSecretRedactor(requestSecrets(...))`.
 * @returns the same error, without the secrets.
 * @example
 * ```ts
 * const redactor = createSecretRedactor(requestSecrets({ apiKey }));
 * console.error(redactError(error, redactor));
 * ```
 */
export function redactError<T>(error: T, redactor: SecretRedactor): T {
  if (redactor.isEmpty) return error;
  const walk: Walk = { redactor, seen: new WeakSet(), rewrites: [] };
  if (typeof error === 'string') return redactText(error, walk) as T;
  if (error instanceof Error) redactInPlace(error, walk, 0);
  return error;
}
