import type { IncomingMessage } from 'node:http';

const LIMIT = 64 * 1024;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

/**
 * The reason chatbot-ui gave for an upstream's error status: the `error.message` of
 * an OpenAI error body, else `OpenAI API returned an error: <status> <status text>`.
 *
 * Reads at most 64 KiB of the body; a body that fails to arrive counts as empty.
 *
 * @param response - the upstream's response, status ≥ 300 or < 200; its body is consumed.
 * @returns the reason, for the status text of the 500.
 * @example
 * ```ts
 * await upstreamErrorReason(response); // 'Rate limit reached'
 * ```
 */
export async function upstreamErrorReason(response: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const part of response as AsyncIterable<Buffer>) {
      parts.push(part);
      size += part.length;
      if (size >= LIMIT) break;
    }
  } catch {
    // keep what came
  }
  response.destroy();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const error = isRecord(parsed) ? parsed.error : undefined;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  const status = `${response.statusCode ?? 0} ${response.statusMessage ?? ''}`.trim();
  return `OpenAI API returned an error: ${status}`;
}
