import { describe, expect, it } from 'vitest';
import { formatError } from '../../lib/cli/format-error.js';
import { redactSecrets } from '../../lib/cli/redact-secrets.js';
import { StreamError } from '../../lib/errors/stream-error.js';

const KEY = 'sk-cli-5e6f7a8b9c0d/+x';

describe('the CLI redacts with the one secrets module', () => {
  it.each([
    ['plain', KEY],
    ['upper-cased', KEY.toUpperCase()],
    ['URL-encoded', encodeURIComponent(KEY)],
    ['JSON-escaped', KEY.replace('/', '\\/').replace('+', '\\u002b')],
    ['base64', Buffer.from(KEY).toString('base64')],
    ['base64 of user:key', Buffer.from(`user:${KEY}`).toString('base64')],
  ])('redactSecrets removes the key %s', (_name, form) => {
    // Of base64(user:key), what encodes `use` alone may stay: it holds no bit of the key.
    expect(redactSecrets(`refused ${form} here`, [undefined, KEY])).toMatch(
      /^refused (dXNlc)?\[redacted\] here$/,
    );
  });

  it('formatError removes a key cut at the end of the message, with --verbose frames after it', () => {
    const error = new StreamError({
      kind: 'invalid-json',
      provider: 'P',
      detail: KEY.slice(0, 12),
    });
    const printed = formatError(error, { verbose: true, secrets: [KEY] });
    expect(printed).toContain('error: StreamError: P stream failed (invalid-json): [redacted]\n');
    expect(printed).not.toContain(KEY.slice(0, 12));
  });
});
