import type { Route } from '../server/route.js';
import { createAivvmChatRoute } from './aivvm-chat.js';
import { createAnthropicMessagesRoute } from './anthropic-messages.js';
import { createChatCompletionsRoute } from './chat-completions.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';
import { createModelsRoute } from './models.js';
import { createOllamaChatRoute } from './ollama-chat.js';
import { createOllamaTagsRoute } from './ollama-tags.js';
import { createGeminiRoutes } from './gemini-generate-content.js';

/**
 * Every route the loopback server answers; one file per route, added here.
 *
 * @param config - what the routes know about their server.
 * @returns the routes.
 * @example
 * ```ts
 * createLoopbackRoutes(config).map((route) => `${route.method} ${route.path}`);
 * // ['POST /api/chat', 'POST /v1/chat/completions', 'GET /v1/models', 'POST /ollama/api/chat', ...]
 * ```
 */
export function createLoopbackRoutes(config: LoopbackRouteConfig): readonly Route[] {
  return [
    createAivvmChatRoute(config),
    createChatCompletionsRoute(config),
    createModelsRoute(config),
    createAnthropicMessagesRoute(config),
    createOllamaChatRoute(config),
    createOllamaTagsRoute(config),
    ...createGeminiRoutes(config),
  ];
}
