/**
 * Where a {@link TerminalControlFilter} is: in text, or inside an escape sequence
 * (ECMA-48 / ISO 6429 syntax: `ESC` + intermediates + final, a control sequence `CSI` …
 * final, or a control string such as `OSC` … `BEL`/`ST`).
 */
type FilterState =
  | 'text'
  | 'escape'
  | 'escape-intermediate'
  | 'control-sequence'
  | 'control-string'
  | 'control-string-escape';

/** The longest sequence swallowed (in UTF-16 code units): past it, text prints again. */
const MAX_SEQUENCE_LENGTH = 4096;

const ESC = 0x1b;
const BEL = 0x07;
/** C1 `ST` (string terminator); `ESC \` is its 7-bit form. */
const ST = 0x9c;

/** Whether the code unit is one the filter acts on: C0 (but tab and line feed), DEL, C1. */
const isControl = (c: number): boolean =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (isControl(text.charCodeAt(index))) return true;
  }
  return false;
}

/** What starts after `ESC` + `c`, or after the C1 control `c` (`CSI`, `OSC`, `DCS`...). */
function introducedBy(c: number): FilterState | undefined {
  if (c === 0x5b || c === 0x9b) return 'control-sequence'; // `ESC [`, CSI
  // `ESC ]` OSC, `ESC P` DCS, `ESC X` SOS, `ESC ^` PM, `ESC _` APC, and their C1 forms.
  if ([0x5d, 0x50, 0x58, 0x5e, 0x5f, 0x9d, 0x90, 0x98, 0x9e, 0x9f].includes(c)) {
    return 'control-string';
  }
  return undefined;
}

/**
 * Removes everything a terminal would act on from text a server sent, so that a reply or an
 * error message cannot retitle the window, clear the screen, move the cursor, fake colours or
 * write to the clipboard: C0 controls except tab and line feed (carriage return and backspace
 * too, which can overwrite what was printed), DEL, C1 controls (U+0080–U+009F), and whole
 * escape sequences — `ESC [ … final` (CSI), `ESC ] … BEL` or `… ESC \` (OSC, and likewise
 * DCS, SOS, PM, APC), other `ESC x` — with their C1 forms.
 *
 * It is stateful, for a stream: a sequence split across two chunks is removed whole. A
 * sequence longer than 4096 code units ends there (its rest prints as text, without controls).
 *
 * @example
 * ```ts
 * const filter = new TerminalControlFilter();
 * filter.push('Hi \u001b]0;pwn'); // 'Hi '
 * filter.push('ed\u0007there');   // 'there'
 * ```
 */
export class TerminalControlFilter {
  #state: FilterState = 'text';
  #length = 0;

  /**
   * The printable part of `chunk`.
   *
   * @param chunk - the next piece of the text.
   * @returns the chunk without controls; a sequence it leaves open continues in the next one.
   */
  push(chunk: string): string {
    if (this.#state === 'text' && !hasControl(chunk)) return chunk;
    let kept = '';
    let runStart = 0;
    for (let index = 0; index < chunk.length;) {
      const c = chunk.charCodeAt(index);
      if (this.#state === 'text') {
        if (isControl(c)) {
          kept += chunk.slice(runStart, index);
          runStart = index + 1;
          this.#enter(c === ESC ? 'escape' : (introducedBy(c) ?? 'text'));
        }
        index += 1;
        continue;
      }
      if (this.#step(c)) {
        index += 1;
        runStart = index;
      } else {
        // The sequence ended before `c`, which is read again as text.
        runStart = index;
      }
    }
    return this.#state === 'text' ? kept + chunk.slice(runStart) : kept;
  }

  /** Ends the stream: a sequence left open is dropped. */
  end(): void {
    this.#state = 'text';
  }

  #enter(state: FilterState): void {
    this.#state = state;
    this.#length = 0;
  }

  /** Takes `c` inside a sequence; `false` when `c` is not part of it (the state is text again). */
  #step(c: number): boolean {
    this.#length += 1;
    if (this.#length > MAX_SEQUENCE_LENGTH) {
      this.#state = 'text';
      return false;
    }
    switch (this.#state) {
      case 'escape':
        return this.#afterEscape(c);
      case 'escape-intermediate':
        if (c >= 0x20 && c <= 0x2f) return true;
        if (c >= 0x30 && c <= 0x7e) return this.#done();
        this.#state = 'text';
        return false;
      case 'control-sequence':
        if (c >= 0x20 && c <= 0x3f) return true; // parameters and intermediates
        if (c >= 0x40 && c <= 0x7e) return this.#done(); // the final byte
        if (c === ESC) return this.#restart('escape');
        this.#state = 'text';
        return false;
      case 'control-string':
        if (c === BEL || c === ST) return this.#done();
        if (c === ESC) this.#state = 'control-string-escape';
        return true;
      case 'control-string-escape':
        if (c === 0x5c) return this.#done(); // `ESC \`: ST
        return this.#afterEscape(c); // another sequence begins
      case 'text':
        return false;
    }
  }

  #afterEscape(c: number): boolean {
    const next = introducedBy(c);
    if (next !== undefined && c < 0x80) return this.#restart(next);
    if (c === ESC) return this.#restart('escape');
    if (c >= 0x20 && c <= 0x2f) return this.#restart('escape-intermediate');
    if (c >= 0x30 && c <= 0x7e) return this.#done(); // `ESC x`
    this.#state = 'text';
    return false;
  }

  #restart(state: FilterState): true {
    this.#enter(state);
    return true;
  }

  #done(): true {
    this.#state = 'text';
    return true;
  }
}

/**
 * `text` without terminal controls, as {@link TerminalControlFilter} removes them (a sequence
 * left open at the end is dropped).
 *
 * @param text - text a server sent, or an error message quoting it.
 * @returns the text, safe to print.
 * @example
 * ```ts
 * stripTerminalControls('\u001b[2Jerror\r\n'); // 'error\n'
 * ```
 */
export function stripTerminalControls(text: string): string {
  return new TerminalControlFilter().push(text);
}

/**
 * `JSON.stringify(value)` with DEL and the C1 controls (U+007F–U+009F) escaped as `\u00XX`
 * too: the same JSON value, but a terminal reading the line sees no control character
 * (`JSON.stringify` already escapes C0, ECMA-404 requires it).
 *
 * @param value - what to print as one JSON line.
 * @returns the JSON text.
 * @example
 * ```ts
 * terminalSafeJson({ text: '\u009b2J' }); // '{"text":"\\u009b2J"}'
 * ```
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
