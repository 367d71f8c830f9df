import { describe, expect, it } from 'vitest';
import { markdownTable, staleCells } from '../../scripts/readme-size-table.js';

const table = (size: string, place = 'absent'): string =>
  markdownTable(['App', 'Gzipped', 'Name table'], [['only `OpenAICompatible`', size, place]]);

describe("the README's size tables (npm run size -- --check)", () => {
  it('accepts sizes within 3 % or 0.3 KiB, whichever is larger, and any padding', () => {
    expect(staleCells(table('100.0 KiB'), table('102.9 KiB'))).toEqual([]);
    expect(staleCells(table('10.0 KiB'), table('10.3 KiB'))).toEqual([]);
    expect(
      staleCells(table('10.0 KiB').replace('| 10.0', '|      10.0'), table('10.0 KiB')),
    ).toEqual([]);
  });

  it('names a size beyond the tolerance, a changed cell and a changed row count', () => {
    expect(staleCells(table('100.0 KiB'), table('103.2 KiB'))).toEqual([
      'row 2 "only `OpenAICompatible`": 100.0 KiB → 103.2 KiB',
    ]);
    expect(staleCells(table('10.0 KiB'), table('10.4 KiB'))).toHaveLength(1);
    expect(staleCells(table('10.0 KiB'), table('10.0 KiB', 'a lazy chunk'))).toEqual([
      'row 2 "only `OpenAICompatible`": absent → a lazy chunk',
    ]);
    expect(
      staleCells(table('1.0 KiB'), `${table('1.0 KiB')}\n| more | 1.0 KiB | absent |`),
    ).toEqual(['2 table rows, now 3']);
  });
});
