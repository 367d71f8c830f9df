import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretRedactor, MIN_SECRET_LENGTH } from '../../lib/secrets/secret-redactor.js';

const KEY = 'sk-live/7f3a+9c2e"51d8';
const redact = (text: string, secrets: readonly string[] = [KEY]): string =>
  createSecretRedactor(secrets).redact(text);
const base64 = (text: string): string => Buffer.from(text).toString('base64');

/** Every escape of JSON (RFC 8259 §7) a server may choose: `\uXXXX` for each character. */
const jsonUnicode = (text: string): string =>
  text.replace(/[\s\S]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('createSecretRedactor', () => {
  it.each([
    ['plain', KEY],
    ['JSON-escaped', JSON.stringify(KEY).slice(1, -1)],
    ['JSON-escaped with \\/', JSON.stringify(KEY).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON \\uXXXX for every character', jsonUnicode(KEY)],
    ['JSON \\uXXXX for some characters', KEY.replace(/[+"]/g, (c) => jsonUnicode(c))],
    ['encodeURIComponent', encodeURIComponent(KEY)],
    ['encodeURIComponent, lower-case hex', encodeURIComponent(KEY).toLowerCase()],
    ['form-encoded (+ for spaces)', new URLSearchParams({ k: `${KEY} x` }).toString()],
    ['partly percent-encoded', KEY.replace('/', '%2F')],
    ['upper-cased', KEY.toUpperCase()],
    ['lower-cased', KEY.toLowerCase()],
    ['base64', base64(KEY)],
    ['base64 without padding', base64(KEY).replace(/=+$/, '')],
    ['base64url', Buffer.from(KEY).toString('base64url')],
    ['base64 of user:key', base64(`user:${KEY}`)],
    ['base64 of a JSON body holding it', base64(JSON.stringify({ auth: KEY }))],
    ['base64 JSON-escaped', JSON.stringify(base64(`ab:${KEY}`)).replace(/\//g, '\\/')],
  ])('redacts the key %s', (_name, form) => {
    const safe = redact(`before ${form} after`);
    expect(safe).toContain('[redacted]');
    expect(safe.startsWith('before ')).toBe(true);
    expect(safe.endsWith(' after') || safe.endsWith('[redacted]')).toBe(true);
    expect(safe).not.toContain(form);
  });

  it('widens a base64 match to the characters that mix the secret with its neighbours', () => {
    const encoded = base64(`user:${KEY}!`);
    const safe = redact(`auth ${encoded} end`);
    expect(safe).toMatch(/^auth [\w+/]{0,5}\[redacted\] end$/);
    expect(Buffer.from(safe.slice(5, safe.indexOf('[')), 'base64').toString()).toMatch(/^u?s?e?$/);
  });

  it('keeps the text around the secret and replaces each occurrence', () => {
    expect(redact(`a ${KEY} b ${KEY} c`)).toBe('a [redacted] b [redacted] c');
  });

  it('redacts the start of a secret cut by the end of the text or of a line', () => {
    expect(redact(`excerpt: ${KEY.slice(0, 12)}`)).toBe('excerpt: [redacted]');
    expect(redact(`excerpt: ${KEY.slice(0, 12)}\n    at f (file.js:1:1)`)).toBe(
      'excerpt: [redacted]\n    at f (file.js:1:1)',
    );
    expect(redact(`cut base64: ${base64(`user:${KEY}`).slice(0, 20)}`)).not.toContain(
      base64(`user:${KEY}`).slice(8, 20),
    );
  });

  it('leaves a prefix shorter than the minimum, or one followed by other text', () => {
    expect(redact(`ends with ${KEY.slice(0, MIN_SECRET_LENGTH - 1)}`)).toBe(
      `ends with ${KEY.slice(0, MIN_SECRET_LENGTH - 1)}`,
    );
    expect(redact(`${KEY.slice(0, 10)}zzz`)).toBe(`${KEY.slice(0, 10)}zzz`);
  });

  it('merges overlapping secrets into one [redacted]', () => {
    const first = 'abcdefgh12345678';
    const second = '12345678ZYXWVUTS';
    expect(redact('x abcdefgh12345678ZYXWVUTS y', [first, second])).toBe('x [redacted] y');
    expect(redact('x Bearer abcdefgh12345678 y', [`Bearer ${first}`, first])).toBe(
      'x [redacted] y',
    );
  });

  it(`ignores secrets shorter than ${MIN_SECRET_LENGTH} characters`, () => {
    const redactor = createSecretRedactor(['1', 'me', 'Bearer', 'short7!', undefined]);
    expect(redactor.isEmpty).toBe(true);
    expect(redactor.redact('me 1 Bearer short7!')).toBe('me 1 Bearer short7!');
    expect(redact('12345678', ['12345678'])).toBe('[redacted]');
  });

  it('lets text without a secret through unchanged', () => {
    const text = 'POST http://127.0.0.1:1/v1/chat/completions answered 500 %zz \\q +';
    expect(redact(text)).toBe(text);
  });

  /** A secret as keys are: printable ASCII, not blank. */
  const secretArbitrary = (minLength = MIN_SECRET_LENGTH): fc.Arbitrary<string> =>
    fc
      .string({ minLength, maxLength: 40, unit: 'grapheme-ascii' })
      .filter((s) => s.trim().length >= MIN_SECRET_LENGTH);

  it('no form of a random secret survives, wherever it is placed (property)', () => {
    const forms: readonly ((s: string) => string)[] = [
      (s) => s,
      (s) => s.toUpperCase(),
      (s) => s.toLowerCase(),
      base64,
      (s) => base64(`user:${s}`),
      encodeURIComponent,
    ];
    fc.assert(
      fc.property(
        secretArbitrary(),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.nat(forms.length - 1),
        (s, before, after, which) => {
          const form = forms[which]!(s);
          const safe = createSecretRedactor([s]).redact(`${before}${form}${after}`);
          expect(safe).not.toContain(form);
          expect(safe).toContain('[redacted]');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('no random secret survives a server encoding the whole text around it (property)', () => {
    const encodings: readonly ((text: string) => string)[] = [
      (text) => JSON.stringify(text),
      (text) => JSON.stringify(text).replace(/\//g, '\\/'),
      (text) => `"${text.replace(/[^\w]/g, (c) => jsonUnicode(c))}"`,
      encodeURIComponent,
      (text) => new URLSearchParams({ q: text }).toString(),
      (text) => text.toUpperCase(),
    ];
    fc.assert(
      fc.property(
        secretArbitrary(),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.nat(encodings.length - 1),
        (s, before, after, which) => {
          const encode = encodings[which]!;
          const safe = createSecretRedactor([s]).redact(encode(`${before}${s}${after}`));
          expect(safe).toContain('[redacted]');
          expect(safe).not.toContain(encode(s).replace(/^"|"$/g, ''));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('no random secret survives inside a base64 text, at any alignment (property)', () => {
    fc.assert(
      fc.property(secretArbitrary(), fc.string({ maxLength: 30 }), (s, before) => {
        const encoded = base64(`${before}${s}`);
        const start = Buffer.byteLength(before);
        const end = start + Buffer.byteLength(s);
        // The characters that depend on the secret's bytes only.
        const own = encoded.slice(Math.ceil(start / 3) * 4, Math.floor(end / 3) * 4);
        const safe = createSecretRedactor([s]).redact(encoded);
        expect(safe).toContain('[redacted]');
        expect(safe).not.toContain(own);
      }),
      { numRuns: 500 },
    );
  });

  it('no start of a random secret survives at the end of an excerpt (property)', () => {
    fc.assert(
      fc.property(
        secretArbitrary(MIN_SECRET_LENGTH + 1),
        fc.string({ maxLength: 30 }),
        fc.nat(),
        (s, before, cut) => {
          const length = MIN_SECRET_LENGTH + (cut % (s.length - MIN_SECRET_LENGTH));
          const safe = createSecretRedactor([s]).redact(`${before}${s.slice(0, length)}`);
          expect(safe.endsWith('[redacted]')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
