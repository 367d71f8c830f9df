/**
 * Headers that carry credentials by definition (RFC 9110 §11.6.2, §11.7.2; RFC 6265), and the
 * key headers of the common LLM APIs, lower-case.
 */
export const CREDENTIAL_HEADER_NAMES: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
];

const CREDENTIAL_HEADERS = new Set(CREDENTIAL_HEADER_NAMES);

/** Header names that, by convention, hold a credential: `x-auth-token`, `x-session-id`... */
const CREDENTIAL_NAME = /auth|api[-_]?key|token|secret|passw|cookie|session|signature|credential/i;

/**
 * Whether a request header's value is a credential: `authorization`, `proxy-authorization`,
 * `x-api-key`, `api-key`, `x-goog-api-key`, `cookie`, or any name that says it holds a key, a
 * token, a secret, a password, a session or a signature.
 *
 * @param name - the header name, in any case.
 * @returns true when the value must never reach an error.
 * @example
 * ```ts
 * isCredentialHeader('Authorization'); // true
 * isCredentialHeader('content-type'); // false
 * ```
 */
export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(lower) || CREDENTIAL_NAME.test(lower);
}
