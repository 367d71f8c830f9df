import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { isCredentialHeader } from '../../lib/secrets/credential-header.js';
import { requestSecrets } from '../../lib/secrets/request-secrets.js';

const KEY = 'sk-proj-4f9c2a7e1b';

describe('requestSecrets', () => {
  it('takes the API key', () => {
    expect(requestSecrets({ apiKey: ` ${KEY} ` })).toEqual([KEY]);
  });

  it.each([
    'authorization',
    'Authorization',
    'AUTHORIZATION',
    'proxy-authorization',
    'x-api-key',
    'api-key',
    'x-goog-api-key',
    'X-Auth-Token',
  ])('takes the value of the %s header, and its token', (name) => {
    const secrets = requestSecrets({ headers: { [name]: `Bearer ${KEY}`, accept: 'text/plain' } });
    expect(secrets).toEqual(expect.arrayContaining([`Bearer ${KEY}`, KEY]));
    expect(secrets).not.toContain('text/plain');
  });

  it('decodes Basic credentials into user:password and the password', () => {
    const basic = Buffer.from(`me:${KEY}`).toString('base64');
    expect(requestSecrets({ headers: { authorization: `Basic ${basic}` } })).toEqual(
      expect.arrayContaining([basic, `me:${KEY}`, KEY]),
    );
  });

  it('takes each cookie value', () => {
    const secrets = requestSecrets({ headers: { cookie: `session=${KEY}; theme=dark` } });
    expect(secrets).toEqual(expect.arrayContaining([KEY, 'dark']));
  });

  it('takes the URL user info, decoded and as written, and key-like query parameters', () => {
    const secrets = requestSecrets({
      url: `http://me:${encodeURIComponent(`${KEY}/+`)}@127.0.0.1/v1?api_key=${KEY}q&model=x`,
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        `me:${KEY}/+`,
        `${KEY}/+`,
        encodeURIComponent(`${KEY}/+`),
        `${KEY}q`,
      ]),
    );
    expect(secrets).not.toContain('x');
  });

  it("takes the axios instance's default headers (top level, common, per method), auth and baseURL", () => {
    const instance = axios.create({
      auth: { username: 'me', password: `${KEY}-auth` },
      baseURL: `http://u:${KEY}-base@127.0.0.1/`,
      headers: { 'api-key': `${KEY}-top` },
    });
    instance.defaults.headers.common.Authorization = `Bearer ${KEY}-common`;
    instance.defaults.headers.post['x-goog-api-key'] = `${KEY}-post`;
    const secrets = requestSecrets({ axios: instance });
    expect(secrets).toEqual(
      expect.arrayContaining([
        `${KEY}-top`,
        `${KEY}-common`,
        `${KEY}-post`,
        `me:${KEY}-auth`,
        `${KEY}-auth`,
        `u:${KEY}-base`,
      ]),
    );
    expect(secrets.join(' ')).not.toContain('application/json');
  });

  it('takes nothing from a request without credentials', () => {
    expect(
      requestSecrets({ headers: { accept: 'application/json' }, url: 'http://127.0.0.1:1/v1' }),
    ).toEqual([]);
  });
});

describe('isCredentialHeader', () => {
  it.each([
    ['authorization', true],
    ['Proxy-Authorization', true],
    ['cookie', true],
    ['x-goog-api-key', true],
    ['content-type', false],
    ['accept', false],
    ['user-agent', false],
  ])('%s → %s', (name, expected) => {
    expect(isCredentialHeader(name)).toBe(expected);
  });
});
