/**
 * The README's "Bundle size" tables, between `<!-- size:start -->` and `<!-- size:end -->`:
 * written by `npm run size`, checked by `npm run size -- --check`.
 *
 * The check tolerates drift: every size may differ from the README's by 3 % or 0.3 KiB,
 * whichever is larger, so that a small change anywhere in `lib/` does not make every branch's
 * CI fail; a larger change, or any other cell (a label, where the name table is), fails it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/** The repository root. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The markers around the generated section. */
export const SIZE_START = '<!-- size:start -->';
export const SIZE_END = '<!-- size:end -->';

/** The relative and the absolute drift a size may show before the README counts as stale. */
export const SIZE_TOLERANCE = { relative: 0.03, kib: 0.3 } as const;

const README = join(ROOT, 'README.md');

/** Bytes as the tables print them. */
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * A Markdown table from a header and rows (prettier pads it later).
 *
 * @param header - the header cells.
 * @param rows - the rows' cells.
 * @param textColumns - how many columns, from the left, hold text (the others, right-aligned,
 *   figures).
 * @returns the table's lines.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly string[][],
  textColumns = 1,
): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, index) => (index < textColumns ? '---' : '---:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

/** The table rows of a Markdown section, each as trimmed cells (padding does not count). */
function cellsOf(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s:|-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const KIB = /^(\d+(?:\.\d+)?) KiB$/;

/** Whether two cells agree: sizes within {@link SIZE_TOLERANCE}, anything else equal. */
function sameCell(readme: string, fresh: string): boolean {
  const [a, b] = [KIB.exec(readme)?.[1], KIB.exec(fresh)?.[1]];
  if (a === undefined || b === undefined) return readme === fresh;
  const allowed = Math.max(SIZE_TOLERANCE.kib, Number(b) * SIZE_TOLERANCE.relative);
  return Math.abs(Number(a) - Number(b)) <= allowed;
}

/**
 * The differences between the README's section and a fresh one, beyond the tolerance.
 *
 * @param readme - the section in the README.
 * @param fresh - the section just measured.
 * @returns one line per stale cell or row; empty when the README is up to date.
 */
export function staleCells(readme: string, fresh: string): string[] {
  const [old, now] = [cellsOf(readme), cellsOf(fresh)];
  if (old.length !== now.length) return [`${old.length} table rows, now ${now.length}`];
  return now.flatMap((row, r) =>
    row.flatMap((cell, c) => {
      const was = old[r]?.[c] ?? '(none)';
      return sameCell(was, cell) ? [] : [`row ${r + 1} "${row[0] ?? ''}": ${was} → ${cell}`];
    }),
  );
}

function sectionOf(readme: string): { before: string; section: string; after: string } {
  const start = readme.indexOf(SIZE_START);
  const end = readme.indexOf(SIZE_END);
  if (start === -1 || end < start) {
    throw new Error(`README.md has no ${SIZE_START} … ${SIZE_END} section`);
  }
  return {
    before: readme.slice(0, start + SIZE_START.length),
    section: readme.slice(start + SIZE_START.length, end),
    after: readme.slice(end),
  };
}

/**
 * Writes `section` into the README between the markers (formatted by prettier, as
 * `npm run format` would), or with `check` only compares.
 *
 * @param section - the Markdown to put between the markers.
 * @param check - compare instead of writing.
 * @returns the stale cells (always empty when writing).
 */
export async function updateReadme(section: string, check: boolean): Promise<string[]> {
  const readme = await readFile(README, 'utf8');
  const parts = sectionOf(readme);
  if (check) return staleCells(parts.section, section);
  const config = (await resolveConfig(README)) ?? {};
  const updated = await format(`${parts.before}\n\n${section}\n\n${parts.after}`, {
    ...config,
    filepath: README,
  });
  await writeFile(README, updated);
  return [];
}
