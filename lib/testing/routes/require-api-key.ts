import { planOpenAIReply } from '../openai/plan-openai-reply.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange } from '../server/route.js';

const MISSING =
  "You didn't provide an API key. Send it in an Authorization header using Bearer auth " +
  '(Authorization: Bearer YOUR_KEY).';
const INCORRECT = 'Incorrect API key provided.';

/** The bearer token of an `authorization` header, if it has one. */
const bearerToken = (header: string | undefined): string | undefined =>
  header === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(header)?.[1];

/**
 * Guards an OpenAI route: when the server has an `apiKey`, a request without
 * `authorization: Bearer <apiKey>` is answered 401 with OpenAI's error (`invalid_api_key`)
 * and takes no script. The message says whether a key was missing or wrong, never which key
 * was received.
 *
 * @param exchange - the request in flight.
 * @param apiKey - the server's key, or `undefined` to let every request through.
 * @returns `true` when the request may go on, `false` once it has been answered 401.
 * @example
 * ```ts
 * if (!(await requireApiKey(exchange, config.apiKey))) return;
 * ```
 */
export async function requireApiKey(
  exchange: Exchange,
  apiKey: string | undefined,
): Promise<boolean> {
  if (apiKey === undefined) return true;
  const token = bearerToken(exchange.request.headers.authorization);
  if (token === apiKey) return true;
  const statusText = token === undefined ? MISSING : INCORRECT;
  const plan = planOpenAIReply(
    { status: 401, statusText },
    { contentType: '', delayMs: 0, pieces: [] },
  );
  await writeReply(exchange, { ...plan, statusText: undefined });
  return false;
}
