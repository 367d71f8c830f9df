const MAX_LENGTH = 200;

/**
 * Turns any text into a reason phrase a status line can carry (RFC 9112 §4: tabs, spaces and
 * visible ASCII), so a scripted status text can never make the server throw.
 *
 * Tabs, line breaks and other control characters become spaces, non-ASCII characters become `?`,
 * the result is trimmed and cut to 200 characters; an empty result is `undefined` (the
 * standard phrase of the status is used then).
 *
 * @param text - any text, e.g. an upstream error message.
 * @returns the reason phrase, or `undefined` when nothing printable is left.
 * @example
 * ```ts
 * toReasonPhrase('Model überlastet\r\n'); // 'Model ?berlastet'
 * ```
 */
export function toReasonPhrase(text: string): string | undefined {
  const phrase = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[^\x20-\x7e]/gu, '?')
    .trim()
    .slice(0, MAX_LENGTH);
  return phrase === '' ? undefined : phrase;
}
