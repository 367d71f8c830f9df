/** A header value's scheme and token: `Bearer sk-...`, `Basic dXNlcjpwYXNz`. */
const SCHEME_AND_TOKEN = /^([A-Za-z][\w-]*)\s+(\S.*)$/;

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The secrets a `user:password` pair stands for: the pair itself and the password alone
 * (HTTP Basic authentication, RFC 7617, sends `base64(user:password)`).
 *
 * @param user - the user name (may be empty).
 * @param password - the password (may be empty).
 * @returns the strings to redact.
 * @example
 * ```ts
 * userPasswordSecrets('me', 'hunter2-long'); // ['me:hunter2-long', 'hunter2-long']
 * ```
 */
export function userPasswordSecrets(user: string, password: string): string[] {
  if (password === '') return user === '' ? [] : [user];
  return [`${user}:${password}`, password];
}

/**
 * The secrets one credential header value holds: the whole value; for `<scheme> <token>`
 * values the token; for `Basic` the decoded `user:password` and the password; for a `cookie`
 * each cookie's value.
 *
 * @param value - the header value, as sent.
 * @returns the strings to redact (some may be too short to matter).
 * @example
 * ```ts
 * credentialValues('Bearer sk-123456789'); // ['Bearer sk-123456789', 'sk-123456789']
 * ```
 */
export function credentialValues(value: string): string[] {
  const trimmed = value.trim();
  const values = [trimmed];
  const [, scheme, token] = SCHEME_AND_TOKEN.exec(trimmed) ?? [];
  if (token !== undefined) {
    values.push(token.trim());
    const pair = scheme?.toLowerCase() === 'basic' ? decodeBase64(token.trim()) : undefined;
    const colon = pair?.indexOf(':') ?? -1;
    if (pair !== undefined && colon >= 0) {
      values.push(...userPasswordSecrets(pair.slice(0, colon), pair.slice(colon + 1)));
    }
  }
  for (const cookie of trimmed.split(';')) {
    const equals = cookie.indexOf('=');
    if (equals > 0) values.push(cookie.slice(equals + 1).trim());
  }
  return values;
}
