import axios, { type AxiosDefaults } from 'axios';
import { credentialValues, userPasswordSecrets } from './credential-values.js';
import { isCredentialHeader } from './credential-header.js';

/** Where a request's credentials come from. */
export interface SecretSources {
  /** The request headers, as sent. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The request URL (its user info and key-like query parameters are credentials). */
  readonly url?: string | undefined;
  /**
   * The axios instance that sends it: its default headers (`common`, per method) and its
   * `auth` are sent too (any axios 1.x: only its `defaults` are read).
   * @default the default axios instance (requests without an instance go through it)
   */
  readonly axios?: { readonly defaults: object } | undefined;
  /** An API key, however it is sent. */
  readonly apiKey?: string | undefined;
}

/** The keys of axios's default headers that hold headers for every or one method. */
const HEADER_GROUPS = new Set(['common', 'get', 'post', 'put', 'patch', 'delete', 'head']);

/** Query parameter names that hold a key (`?key=`, `?api_key=`, `?access_token=`...). */
const KEY_PARAMETER = /key|token|secret|auth|passw|sig/i;

function headerSecrets(headers: unknown, secrets: string[], nested = false): void {
  if (typeof headers !== 'object' || headers === null) return;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' || typeof value === 'number') {
      if (isCredentialHeader(name)) secrets.push(...credentialValues(String(value)));
    } else if (Array.isArray(value)) {
      if (isCredentialHeader(name)) for (const item of value) secrets.push(String(item));
    } else if (!nested && HEADER_GROUPS.has(name.toLowerCase())) {
      headerSecrets(value, secrets, true);
    }
  }
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function urlSecrets(url: string | undefined, secrets: string[]): void {
  if (url === undefined) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  const user = decodeComponent(parsed.username);
  const password = decodeComponent(parsed.password);
  secrets.push(...userPasswordSecrets(user, password), parsed.username, parsed.password);
  for (const [name, value] of parsed.searchParams) {
    if (KEY_PARAMETER.test(name)) secrets.push(value);
  }
}

function axiosSecrets(instance: { readonly defaults: object }, secrets: string[]): void {
  // Every axios 1.x instance has these defaults; only the declarations differ between versions.
  const defaults = instance.defaults as AxiosDefaults;
  headerSecrets(defaults.headers, secrets);
  if (defaults.auth !== undefined) {
    secrets.push(...userPasswordSecrets(defaults.auth.username, defaults.auth.password));
  }
  urlSecrets(defaults.baseURL, secrets);
}

/**
 * Every credential a request carries, whatever its source: the API key; the value of each
 * credential header (`authorization` in any case, `proxy-authorization`, `x-api-key`,
 * `api-key`, `x-goog-api-key`, `cookie`...), its token and, for `Basic`, the decoded
 * `user:password` and password; the URL's user info (axios sends it as Basic authentication)
 * and key-like query parameters; the axios instance's default headers (top level, `common`
 * and per method), its `auth` and its `baseURL`'s user info.
 *
 * Distinct, in no particular order; values too short to be secrets are left for the
 * redactor to drop.
 *
 * @param sources - the request's headers, URL, axios instance and key.
 * @returns the strings that must never reach an error.
 * @example
 * ```ts
 * requestSecrets({ headers: { authorization: 'Bearer sk-123456789' } });
 * // ['Bearer sk-123456789', 'sk-123456789']
 * ```
 */
export function requestSecrets(sources: SecretSources): string[] {
  const secrets: string[] = [];
  if (sources.apiKey !== undefined) secrets.push(sources.apiKey.trim());
  headerSecrets(sources.headers, secrets, true);
  urlSecrets(sources.url, secrets);
  axiosSecrets(sources.axios ?? axios, secrets);
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}
