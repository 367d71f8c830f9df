import { decodedView, foldAsciiCase, type DecodedView, type TextEncoding } from './decoded-view.js';
import { secretForms } from './secret-forms.js';

/** What stands where a secret was. */
export const REDACTED = '[redacted]';

/**
 * The shortest secret redacted: shorter values (a bare scheme, `1`, a user name like `me`)
 * would mangle ordinary text and are not keys.
 */
export const MIN_SECRET_LENGTH = 8;

/** Replaces the secrets of one request wherever they appear in a text. */
export interface SecretRedactor {
  /** Whether there is no secret to look for (`redact` returns its text as it is). */
  readonly isEmpty: boolean;
  /**
   * `text` with every form of every secret replaced by `[redacted]`.
   *
   * @param text - what an error is about to carry.
   * @returns the text, safe to keep on an error.
   */
  redact(text: string): string;
}

type Span = readonly [start: number, end: number];

function isLineEnd(text: string, index: number): boolean {
  return index === text.length || text[index] === '\n' || text[index] === '\r';
}

/** A folded form to look for, and whether it is base64 (its match is then widened). */
interface Form {
  readonly text: string;
  readonly base64: boolean;
}

const BASE64_CHAR = /[a-z\d+/_-]/;

/**
 * The span of a base64 match widened to the characters around it that mix the secret's bits
 * with its neighbours' (up to 3 on each side, RFC 4648 §4), and to its padding.
 */
function widened(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (start - from < 3 && from > 0 && BASE64_CHAR.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to - end < 3 && BASE64_CHAR.test(text.charAt(to))) to++;
  while (text.charAt(to) === '=') to++;
  return [from, to];
}

/** Where `form` appears whole in the view, or cut by the end of the text or of a line. */
function findForm(view: DecodedView, form: Form, spans: Span[]): void {
  const { text, starts } = view;
  const push = (start: number, end: number): void => {
    const [from, to] = form.base64 ? widened(text, start, end) : [start, end];
    spans.push([starts[from] ?? 0, starts[to] ?? 0]);
  };
  const whole = form.text;
  for (let at = text.indexOf(whole); at >= 0; at = text.indexOf(whole, at + 1)) {
    push(at, at + whole.length);
  }
  // An excerpt bounded in length may stop inside a secret: its start is redacted too.
  const head = whole.slice(0, MIN_SECRET_LENGTH);
  if (whole.length <= MIN_SECRET_LENGTH) return;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    let end = at + MIN_SECRET_LENGTH;
    while (end - at < whole.length && !isLineEnd(text, end) && text[end] === whole[end - at]) end++;
    if (end - at < whole.length && isLineEnd(text, end)) push(at, end);
  }
}

function replaceSpans(text: string, spans: Span[]): string {
  const merged: [number, number][] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let safe = '';
  let position = 0;
  for (const [start, end] of merged) {
    safe += text.slice(position, start) + REDACTED;
    position = end;
  }
  return safe + text.slice(position);
}

/** The encodings worth undoing in `text`: those whose escape characters it holds. */
function encodingsOf(text: string): TextEncoding[] {
  const encodings: TextEncoding[] = ['plain'];
  if (text.includes('\\')) encodings.push('json');
  if (text.includes('%')) encodings.push('percent');
  if (text.includes('%') || text.includes('+')) encodings.push('form');
  return encodings;
}

/**
 * A redactor for `secrets`: in any text, every secret of at least {@link MIN_SECRET_LENGTH}
 * characters (not counting surrounding whitespace) is replaced by `[redacted]` in all the forms a server may echo it in — as it is,
 * JSON-escaped (`\/`, `\"`, `\uXXXX`, in any mix), percent-encoded (fully or partly, `+` for
 * spaces), upper- or lower-cased, in base64 (alone or inside a longer base64 text such as
 * `base64(user:password)`) — and a secret's beginning (8 characters or more) cut by the end
 * of the text or of a line, as a bounded excerpt may cut it.
 *
 * Overlapping matches (two secrets that share characters) are merged into one `[redacted]`.
 *
 * @param secrets - the request's credentials, from `requestSecrets`; shorter ones are ignored.
 * @returns the redactor.
 * @example
 * ```ts
 * const redactor = createSecretRedactor(['sk-123456789']);
 * redactor.redact('bad key SK-123456789'); // 'bad key [redacted]'
 * redactor.redact('{"key":"sk-1234'); // '{"key":"[redacted]'
 * ```
 */
export function createSecretRedactor(secrets: Iterable<string | undefined>): SecretRedactor {
  const given = [...secrets].filter(
    (secret): secret is string => secret !== undefined && secret.trim().length >= MIN_SECRET_LENGTH,
  );
  // The forms are worked out on the first text to redact: most requests never fail, and a
  // redactor is made for every request.
  let folded: readonly Form[] | undefined;
  const formsOf = (): readonly Form[] => {
    if (folded !== undefined) return folded;
    const forms = new Map<string, Form>();
    const add = (text: string, base64: boolean): void => {
      const form = foldAsciiCase(text);
      if (text.length >= MIN_SECRET_LENGTH && !forms.has(form)) {
        forms.set(form, { text: form, base64 });
      }
    };
    for (const secret of given) {
      const { texts, base64 } = secretForms(secret);
      for (const text of texts) add(text, false);
      for (const text of base64) add(text, true);
    }
    folded = [...forms.values()];
    return folded;
  };
  return {
    get isEmpty(): boolean {
      return given.length === 0 || formsOf().length === 0;
    },
    redact(text: string): string {
      if (given.length === 0 || text.length < MIN_SECRET_LENGTH) return text;
      const forms = formsOf();
      if (forms.length === 0) return text;
      const spans: Span[] = [];
      for (const encoding of encodingsOf(text)) {
        const view = decodedView(text, encoding);
        for (const form of forms) findForm(view, form, spans);
      }
      return replaceSpans(text, spans);
    },
  };
}
