import { readFileSync } from 'node:fs';

/** One fenced TypeScript block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The 1-based line of the block's first code line. */
  readonly line: number;
  /** The code. */
  readonly code: string;
  /** Why the block is only type-checked, from a `<!-- typecheck-only: reason -->` line before it. */
  readonly typecheckOnly?: string;
}

const FENCE = /^```(\w*)\s*$/;
const TYPECHECK_ONLY = /^<!--\s*typecheck-only:\s*(.+?)\s*-->$/;

/**
 * The ```ts blocks of a Markdown file, in order, each with where it starts and whether a
 * `<!-- typecheck-only: reason -->` comment (on the line before the fence, blank lines allowed)
 * says it is not to be run.
 *
 * @param root - the repository root.
 * @param file - the Markdown file, relative to `root`.
 */
export function markdownCodeBlocks(root: string, file: string): CodeBlock[] {
  const lines = readFileSync(`${root}/${file}`, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let marker: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const note = TYPECHECK_ONLY.exec(text.trim());
    if (note) {
      marker = note[1];
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      if (text.trim() !== '') marker = undefined;
      continue;
    }
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    if (fence[1] === 'ts' || fence[1] === 'typescript') {
      blocks.push({
        file,
        line: start + 1,
        code: lines.slice(start, end).join('\n'),
        ...(marker === undefined ? {} : { typecheckOnly: marker }),
      });
    }
    marker = undefined;
    index = end;
  }
  return blocks;
}
