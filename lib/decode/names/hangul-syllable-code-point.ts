/**
 * The short names of the conjoining jamo (Unicode Jamo.txt, stable by policy), the parts of a
 * Hangul syllable's name by Unicode §3.12 rule NR1: leading consonants, vowels, trailing
 * consonants. The empty names (ㅇ as a leading consonant, no trailing consonant) are included.
 */
const LEADING = 'G|GG|N|D|DD|R|M|B|BB|S|SS||J|JJ|C|K|T|P|H'.split('|');
const VOWELS = 'A|AE|YA|YAE|EO|E|YEO|YE|O|WA|WAE|OE|YO|U|WEO|WE|WI|YU|EU|YI|I'.split('|');
const TRAILING = '|G|GG|GS|N|NJ|NH|D|L|LG|LM|LB|LS|LT|LP|LH|M|B|BS|S|SS|NG|J|C|K|T|P|H'.split('|');

const SYLLABLE_BASE = 0xac00;

/** The index and length of the longest jamo name at `position`, first one on a tie. */
function longestJamoAt(
  jamo: readonly string[],
  text: string,
  position: number,
): [index: number, length: number] {
  let best: [number, number] = [-1, 0];
  let bestLength = -1;
  jamo.forEach((name, index) => {
    if (name.length > bestLength && text.startsWith(name, position)) {
      best = [index, name.length];
      bestLength = name.length;
    }
  });
  return best;
}

/**
 * The code point of a Hangul syllable from the jamo part of its name (after
 * `HANGUL SYLLABLE `), parsed as CPython's `unicodedata` does: the longest leading consonant,
 * then the longest vowel, then the longest trailing consonant, each matched case-sensitively,
 * and nothing may be left over.
 *
 * Unlike other names, Python takes these in capitals only: `HANGUL SYLLABLE GA` is U+AC00,
 * `hangul syllable GA` and `HANGUL SYLLABLE ga` are unknown (the caller checks the prefix).
 *
 * @param jamoNames - the name after `HANGUL SYLLABLE `, in its original case.
 * @returns the code point, or -1 when it does not parse.
 *
 * @example
 * ```ts
 * hangulSyllableCodePoint('GAG'); // 0xac01
 * hangulSyllableCodePoint('ga'); // -1
 * ```
 */
export function hangulSyllableCodePoint(jamoNames: string): number {
  const [leading, leadingLength] = longestJamoAt(LEADING, jamoNames, 0);
  const [vowel, vowelLength] = longestJamoAt(VOWELS, jamoNames, leadingLength);
  const [trailing, trailingLength] = longestJamoAt(
    TRAILING,
    jamoNames,
    leadingLength + vowelLength,
  );
  if (leading < 0 || vowel < 0 || trailing < 0) return -1;
  if (leadingLength + vowelLength + trailingLength !== jamoNames.length) return -1;
  return SYLLABLE_BASE + (leading * VOWELS.length + vowel) * TRAILING.length + trailing;
}
