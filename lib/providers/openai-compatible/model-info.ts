import { StreamError } from '../../errors/stream-error.js';

/** A model as `GET /v1/models` lists it. */
export interface ModelInfo {
  /** The model name to pass to `createCompletion`. */
  readonly id: string;
  /** Who owns it, when the server says. */
  readonly ownedBy?: string;
  /** When it was created (Unix seconds), when the server says. */
  readonly created?: number;
}

interface ModelEntry {
  readonly id?: unknown;
  readonly owned_by?: unknown;
  readonly created?: unknown;
}

/**
 * Reads the body of `GET /v1/models` (`{ object: 'list', data: [{ id, owned_by, created }] }`).
 *
 * @param text - the response body.
 * @param provider - the provider's name, for errors.
 * @returns the models, in the server's order.
 */
export function parseModelList(text: string, provider: string): readonly ModelInfo[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'the model list is not JSON',
      excerpt: text,
    });
  }
  const data =
    typeof parsed === 'object' && parsed !== null && 'data' in parsed ? parsed.data : undefined;
  if (!Array.isArray(data)) {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'the model list has no data array',
      excerpt: text,
    });
  }
  return (data as ModelEntry[])
    .filter((entry): entry is ModelEntry & { id: string } => typeof entry.id === 'string')
    .map((entry) => ({
      id: entry.id,
      ...(typeof entry.owned_by === 'string' ? { ownedBy: entry.owned_by } : {}),
      ...(typeof entry.created === 'number' ? { created: entry.created } : {}),
    }));
}
