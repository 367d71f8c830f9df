import { planOpenAIReply, JSON_CONTENT_TYPE } from '../openai/plan-openai-reply.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';
import { requireApiKey } from './require-api-key.js';

/** A fixed creation time (2023-06-13, when the `-0613` models came out): replies stay stable. */
const CREATED = 1_686_614_400;

/** The `GET /v1/models` body for a list of model ids. */
const modelList = (ids: readonly string[]): string =>
  JSON.stringify({
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'rx-completions' })),
  });

async function handleModels(exchange: Exchange, config: LoopbackRouteConfig): Promise<void> {
  if (!(await requireApiKey(exchange, config.apiKey))) return;
  const script = exchange.takeScript() ?? {};
  const defaults = {
    contentType: JSON_CONTENT_TYPE,
    delayMs: exchange.delayMs,
    pieces: [modelList(config.models)],
  };
  await writeReply(exchange, planOpenAIReply(script, defaults));
}

/**
 * `GET /v1/models`, OpenAI's model list: `{ object: 'list', data: [{ id, object: 'model',
 * created, owned_by }] }` for the server's `models` option, after the key check (401). It takes
 * scripts like every route (errors in OpenAI's shape, see `planOpenAIReply`).
 *
 * @param config - the server's key and model ids.
 * @returns the route.
 * @example
 * ```ts
 * const { data } = await (await fetch(`${server.url}/v1/models`)).json();
 * ```
 */
export function createModelsRoute(config: LoopbackRouteConfig): Route {
  return {
    method: 'GET',
    path: '/v1/models',
    handle: (exchange) => handleModels(exchange, config),
  };
}
