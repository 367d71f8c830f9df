/** Request headers whose values are credentials. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
]);

/** The shortest secret redacted: shorter values (a bare scheme, `1`) would mangle text. */
const MIN_SECRET_LENGTH = 8;

/**
 * The credentials a request carries: the value of each credential header (`authorization`,
 * `proxy-authorization`, `x-api-key`, `api-key`, `cookie`) and, for `<scheme> <token>`
 * values such as `Bearer sk-...`, the token alone. Longest first, so that a whole header
 * value is replaced before its token.
 *
 * @param headers - the request headers, as sent.
 * @returns the strings that must never reach an error.
 * @example
 * ```ts
 * requestSecrets({ authorization: 'Bearer sk-123456789' }); // ['Bearer sk-123456789', 'sk-123456789']
 * ```
 * @internal
 */
export function requestSecrets(headers: Readonly<Record<string, string>>): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) continue;
    const trimmed = value.trim();
    secrets.add(trimmed);
    const token = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(trimmed)?.[1];
    if (token !== undefined) secrets.add(token.trim());
  }
  return [...secrets]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * `text` with every occurrence of each secret replaced by `[redacted]`, and a secret's
 * beginning cut at the very end of the text removed too (an excerpt bounded in bytes may stop
 * in the middle of an echoed key).
 *
 * A server that echoes the request's `authorization` header or key into its error body, its
 * status text or a response header (some proxies do) must not put it into an error.
 *
 * @param text - what an error is about to carry.
 * @param secrets - from {@link requestSecrets}.
 * @returns the text, safe to keep on an error.
 * @example
 * ```ts
 * redactRequestSecrets('bad key sk-123456789', ['sk-123456789']); // 'bad key [redacted]'
 * ```
 * @internal
 */
export function redactRequestSecrets(text: string, secrets: readonly string[]): string {
  let safe = text;
  for (const secret of secrets) safe = safe.split(secret).join('[redacted]');
  for (const secret of secrets) {
    for (
      let length = Math.min(secret.length - 1, safe.length);
      length >= MIN_SECRET_LENGTH;
      length--
    ) {
      if (safe.endsWith(secret.slice(0, length))) {
        safe = `${safe.slice(0, safe.length - length)}[redacted]`;
        break;
      }
    }
  }
  return safe;
}
