const encoder = new TextEncoder();

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The base64 characters that a secret's bytes alone decide, at each of the three alignments
 * it can have inside a longer base64 text (RFC 4648 §4 encodes 3 bytes as 4 characters): one
 * of them appears in the base64 of anything that contains the secret, `user:password` for
 * HTTP Basic authentication included.
 */
function base64Cores(bytes: Uint8Array): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const whole = Math.floor(shifted.length / 3);
    cores.push(base64(shifted).slice(offset === 0 ? 0 : 4, whole * 4));
  }
  return cores;
}

/** The forms of one secret, by kind. */
export interface SecretForms {
  /** As it is, case-changed and percent-encoded. */
  readonly texts: readonly string[];
  /** In base64: a match is widened to the neighbouring characters its bytes share. */
  readonly base64: readonly string[];
}

/**
 * The texts a secret may take once a server has echoed it: as it is, upper- and lower-cased,
 * percent-encoded (`encodeURIComponent`, and with `+` for spaces), and in base64 (standard
 * and URL-safe, padded or not, and the part of it that survives inside a longer base64 text,
 * JSON-escaped first or not).
 *
 * JSON escapes (`\"`, `\/`, `\uXXXX`) and partial percent-encoding are not listed: the
 * redactor decodes those in the text instead, so every mix of them is found.
 *
 * @param secret - the secret, as sent.
 * @returns its forms, distinct (some may be shorter than the secret).
 * @example
 * ```ts
 * secretForms('sk-abc/def').texts.includes('sk-abc%2Fdef'); // true
 * ```
 */
export function secretForms(secret: string): SecretForms {
  const bytes = encoder.encode(secret);
  const encoded = encodeURIComponent(secret);
  const whole = base64(bytes);
  // A JSON body encoded in base64 holds the secret JSON-escaped (RFC 8259 §7).
  const escaped = encoder.encode(JSON.stringify(secret).slice(1, -1));
  const base64Forms = [
    whole,
    whole.replace(/=+$/, ''),
    ...base64Cores(bytes),
    ...(escaped.length === bytes.length ? [] : base64Cores(escaped)),
  ];
  const urlSafe = base64Forms.map((form) => form.replace(/\+/g, '-').replace(/\//g, '_'));
  return {
    texts: [
      ...new Set([
        secret,
        secret.toUpperCase(),
        secret.toLowerCase(),
        encoded,
        encoded.replace(/%20/g, '+'),
      ]),
    ],
    base64: [...new Set([...base64Forms, ...urlSafe])],
  };
}
