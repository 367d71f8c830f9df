import { of, type Observable, type OperatorFunction } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';

import { decodeText, type DecodeTextOptions } from '../../lib/decode/decode-text.js';

describe('decodeText types', () => {
  it('is an operator from byte chunks to text', () => {
    expectTypeOf(decodeText()).toEqualTypeOf<OperatorFunction<Uint8Array, string>>();
    expectTypeOf(of(new Uint8Array(1)).pipe(decodeText())).toEqualTypeOf<Observable<string>>();
  });

  it("takes errors: 'strict' or 'replace' only", () => {
    expectTypeOf<DecodeTextOptions>().toEqualTypeOf<{ readonly errors?: 'strict' | 'replace' }>();
    // @ts-expect-error: Python's other error handlers are not supported
    decodeText({ errors: 'ignore' });
    // @ts-expect-error: exactOptionalPropertyTypes: leave it out rather than pass undefined
    decodeText({ errors: undefined });
  });

  it('accepts only byte chunks', () => {
    // @ts-expect-error: strings are already text
    of('text').pipe(decodeText());
  });
});
