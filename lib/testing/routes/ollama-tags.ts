import { OLLAMA_JSON_CONTENT_TYPE, planOllamaReply } from '../ollama/plan-ollama-reply.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';
import { OLLAMA_PREFIX, requireOllamaKey } from './ollama-chat.js';

/** A fixed modification time: replies stay stable. */
const MODIFIED_AT = '2024-07-25T12:00:00Z';

const tagList = (names: readonly string[]): string =>
  JSON.stringify({
    models: names.map((name) => ({ name, model: name, modified_at: MODIFIED_AT, size: 0 })),
  });

async function handleTags(exchange: Exchange, config: LoopbackRouteConfig): Promise<void> {
  if (!(await requireOllamaKey(exchange, config.apiKey))) return;
  const script = exchange.takeScript() ?? {};
  const defaults = {
    contentType: OLLAMA_JSON_CONTENT_TYPE,
    delayMs: exchange.delayMs,
    pieces: [tagList(config.models)],
  };
  await writeReply(exchange, planOllamaReply(script, defaults));
}

/**
 * `GET /ollama/api/tags`, Ollama's list of local models (`{ models: [{ name, model,
 * modified_at, size }] }`) for the server's `models` option, after the key check.
 *
 * @param config - the server's key and model names.
 * @returns the route.
 * @example
 * ```ts
 * const { models } = await (await fetch(`${server.url}/ollama/api/tags`)).json();
 * ```
 */
export function createOllamaTagsRoute(config: LoopbackRouteConfig): Route {
  return {
    method: 'GET',
    path: `${OLLAMA_PREFIX}/api/tags`,
    handle: (exchange) => handleTags(exchange, config),
  };
}
