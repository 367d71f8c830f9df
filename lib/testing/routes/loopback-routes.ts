import type { Route } from '../server/route.js';
import { aivvmChatRoute } from './aivvm-chat.js';

/**
 * Every route the loopback server answers; one file per route, added here.
 *
 * @example
 * ```ts
 * loopbackRoutes.map((route) => `${route.method} ${route.path}`); // ['POST /api/chat']
 * ```
 */
export const loopbackRoutes: readonly Route[] = [aivvmChatRoute];
