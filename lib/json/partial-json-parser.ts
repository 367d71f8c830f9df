import { JsonParseError } from '../errors/json-parse-error.js';
import { type OpenContainer, setMember, snapshotOf } from './open-container.js';
import { isJsonNumber, isJsonNumberPrefix, partialNumberValue } from './partial-number.js';

type Token =
  | { readonly type: 'string'; readonly key: boolean; text: string; escape: string | undefined }
  | { readonly type: 'number'; text: string }
  | { readonly type: 'literal'; text: string; readonly word: string; readonly value: unknown };

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const LITERALS: Readonly<Record<string, readonly [string, unknown]>> = {
  t: ['true', true],
  f: ['false', false],
  n: ['null', null],
};
const isSpace = (char: string): boolean =>
  char === ' ' || char === '\n' || char === '\r' || char === '\t';

/**
 * An incremental JSON parser (RFC 8259) for a document that arrives in pieces: `feed` takes the
 * next piece, `snapshot` gives the value as far as it has come. Time is linear in the text, for
 * any split: every character is looked at once.
 *
 * A snapshot holds what is certain: whole members and items, the string being streamed cut
 * where it stands, the number being streamed as its longest whole prefix. It leaves out a key
 * still being read, a member whose value has not started, a `true`/`false`/`null` not yet whole.
 * So a later snapshot only adds to an earlier one, except that the last string or number may
 * have grown.
 *
 * @internal the engine of the `partialJson` operator.
 */
export class PartialJsonParser {
  readonly #stack: OpenContainer[] = [];
  #token: Token | undefined;
  #root: { value: unknown } | undefined;
  #offset = 0;
  #changed = false;

  /**
   * Parses the next piece of the text.
   *
   * @param text - the piece.
   * @returns whether the snapshot changed.
   * @throws JsonParseError at the first character the grammar does not allow.
   */
  feed(text: string): boolean {
    this.#changed = false;
    for (let index = 0; index < text.length; index++, this.#offset++) {
      const token = this.#token;
      if (token?.type === 'string' && token.escape === undefined) {
        // The run of plain characters up to the next quote, backslash or control character.
        let end = index;
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (code === 0x22 || code === 0x5c || code < 0x20) break;
          end++;
        }
        if (end > index) {
          token.text += text.slice(index, end);
          this.#changed ||= !token.key;
          this.#offset += end - index;
          index = end;
          if (index === text.length) break;
        }
      }
      this.#step(text.charAt(index));
    }
    return this.#changed;
  }

  /**
   * Ends the text: a number at the very end is whole now.
   *
   * @throws JsonParseError when the document is not whole (or there is none).
   */
  end(): void {
    if (this.#token?.type === 'number') this.#endNumber();
    if (this.#token !== undefined || this.#stack.length > 0 || this.#root === undefined) {
      throw new JsonParseError('unexpected end of the JSON text', this.#offset);
    }
  }

  /** Whether the last `feed` changed the snapshot before it threw. */
  get changedBeforeError(): boolean {
    return this.#changed;
  }

  /** The value as far as it has come, or `undefined` before it has started. */
  snapshot(): unknown {
    const token = this.#token;
    let partial: { value: unknown } | undefined;
    if (token?.type === 'string' && !token.key) partial = { value: token.text };
    if (token?.type === 'number') {
      const value = partialNumberValue(token.text);
      if (value !== undefined) partial = { value };
    }
    if (this.#stack.length === 0) return (this.#root ?? partial)?.value;
    return snapshotOf(this.#stack, partial);
  }

  #fail(char: string): never {
    throw new JsonParseError(`unexpected ${JSON.stringify(char)}`, this.#offset);
  }

  #step(char: string): void {
    const token = this.#token;
    if (token?.type === 'string') {
      this.#stringChar(token, char);
      return;
    }
    if (token?.type === 'literal') {
      token.text += char;
      if (!token.word.startsWith(token.text)) this.#fail(char);
      if (token.text === token.word) {
        this.#token = undefined;
        this.#place(token.value);
      }
      return;
    }
    if (token?.type === 'number') {
      if (/[\d.eE+-]/.test(char)) {
        const before = partialNumberValue(token.text);
        token.text += char;
        if (!isJsonNumberPrefix(token.text)) this.#fail(char);
        this.#changed ||= partialNumberValue(token.text) !== before;
        return;
      }
      this.#endNumber();
    }
    if (isSpace(char)) return;
    this.#structural(char);
  }

  #stringChar(token: Token & { type: 'string' }, char: string): void {
    if (token.escape === undefined) {
      if (char === '"') {
        this.#token = undefined;
        if (token.key) this.#gotKey(token.text);
        else this.#place(token.text);
        return;
      }
      if (char === '\\') {
        token.escape = '';
        return;
      }
      this.#fail(char); // a control character: JSON strings escape them
    }
    if (token.escape === '') {
      const escaped = ESCAPES[char];
      if (escaped !== undefined) {
        token.text += escaped;
        token.escape = undefined;
        this.#changed ||= !token.key;
      } else if (char === 'u') token.escape = 'u';
      else this.#fail(char);
      return;
    }
    if (!/[\da-fA-F]/.test(char)) this.#fail(char);
    token.escape += char;
    if (token.escape.length === 5) {
      token.text += String.fromCharCode(Number.parseInt(token.escape.slice(1), 16));
      token.escape = undefined;
      this.#changed ||= !token.key;
    }
  }

  #endNumber(): void {
    const token = this.#token;
    if (token?.type !== 'number') return;
    if (!isJsonNumber(token.text)) {
      throw new JsonParseError(`${JSON.stringify(token.text)} is not a number`, this.#offset);
    }
    this.#token = undefined;
    this.#place(Number(token.text));
  }

  #structural(char: string): void {
    const open = this.#stack.at(-1);
    if (open === undefined && this.#root !== undefined) this.#fail(char);
    if (open?.kind === 'object' && open.state !== 'value') {
      this.#objectChar(open, char);
      return;
    }
    if (open?.kind === 'array' && open.state === 'after') {
      if (char === ',') open.state = 'value';
      else if (char === ']') this.#close();
      else this.#fail(char);
      return;
    }
    if (char === ']' && open?.kind === 'array' && open.state === 'first') {
      this.#close();
      return;
    }
    this.#startValue(char);
  }

  #objectChar(open: OpenContainer & { kind: 'object' }, char: string): void {
    if (char === '"' && (open.state === 'first' || open.state === 'key')) {
      this.#token = { type: 'string', key: true, text: '', escape: undefined };
    } else if (char === '}' && (open.state === 'first' || open.state === 'after')) this.#close();
    else if (char === ',' && open.state === 'after') open.state = 'key';
    else if (char === ':' && open.state === 'colon') open.state = 'value';
    else this.#fail(char);
  }

  #startValue(char: string): void {
    if (char === '"') {
      this.#token = { type: 'string', key: false, text: '', escape: undefined };
      this.#changed = true;
    } else if (char === '{' || char === '[') {
      const container: OpenContainer =
        char === '{'
          ? { kind: 'object', members: {}, key: undefined, state: 'first' }
          : { kind: 'array', items: [], state: 'first' };
      this.#attach(container.kind === 'object' ? container.members : container.items);
      this.#stack.push(container);
      this.#changed = true;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      this.#token = { type: 'number', text: char };
      this.#changed ||= char !== '-';
    } else {
      const literal = LITERALS[char];
      if (literal === undefined) this.#fail(char);
      this.#token = { type: 'literal', text: char, word: literal[0], value: literal[1] };
    }
  }

  /** Puts a new container where the next value goes; its parent stays open on it. */
  #attach(value: unknown): void {
    const open = this.#stack.at(-1);
    if (open === undefined) this.#root = { value };
    else if (open.kind === 'array') open.items.push(value);
    else if (open.key !== undefined) setMember(open.members, open.key, value);
  }

  #place(value: unknown): void {
    this.#attach(value);
    this.#afterValue();
    this.#changed = true;
  }

  #afterValue(): void {
    const open = this.#stack.at(-1);
    if (open === undefined) return;
    open.state = 'after';
    if (open.kind === 'object') open.key = undefined;
  }

  #gotKey(key: string): void {
    const open = this.#stack.at(-1);
    if (open?.kind !== 'object') return;
    open.key = key;
    open.state = 'colon';
  }

  #close(): void {
    this.#stack.pop();
    this.#afterValue();
    this.#changed = true;
  }
}
