/**
 * The layering rules docs/architecture.md states and `npm run architecture:check` enforces,
 * on top of "no cycle between files, none between folders".
 */
import type { ImportEdge, ImportGraph } from './read-imports.js';

/** The root entry: browser-safe. */
export const ROOT_ENTRY = 'lib/index.ts';
/** The entry of `rx-completions/testing`. */
export const TESTING_ENTRY = 'lib/testing/index.ts';

const inFolder = (file: string, folder: string): boolean => file.startsWith(`${folder}/`);

/** The rules, as the document lists them. */
export const RULE_TEXTS: readonly string[] = [
  `\`${ROOT_ENTRY}\` (the browser-safe root entry) reaches, through run-time imports, nothing in \`lib/testing\` or \`lib/cli\` and no Node built-in (\`node:*\`).`,
  'Only `lib/testing` imports `lib/testing`, except `lib/cli`, which loads the testing entry with a dynamic `import()` (for `--serve`) and never statically.',
  'Nothing outside `lib/cli` imports `lib/cli`.',
  'No file imports itself through others (no cycle between files, type-only imports included), and no cycle between folders.',
];

/** Every file `start` reaches through run-time (static value or dynamic) imports, itself included. */
function reachable(graph: ImportGraph, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const edge of graph.edges) {
      if (edge.from !== file || edge.target !== 'file' || edge.kind === 'type') continue;
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

const describe = (edge: ImportEdge): string =>
  `${edge.from} imports ${edge.to}${edge.kind === 'value' ? '' : ` (${edge.kind})`}`;

/**
 * Every broken layering rule, one message each.
 *
 * @param graph - the import graph of `lib/`.
 * @returns the violations (empty when the layers are respected).
 */
export function layerViolations(graph: ImportGraph): string[] {
  const violations: string[] = [];
  if (graph.files.includes(ROOT_ENTRY)) {
    const reached = reachable(graph, ROOT_ENTRY);
    for (const file of [...reached].sort()) {
      if (inFolder(file, 'lib/testing') || inFolder(file, 'lib/cli')) {
        violations.push(`${ROOT_ENTRY} reaches ${file}`);
      }
    }
    for (const edge of graph.edges) {
      if (reached.has(edge.from) && edge.target === 'builtin' && edge.kind !== 'type') {
        violations.push(`${ROOT_ENTRY} reaches a Node built-in: ${describe(edge)}`);
      }
    }
  }
  for (const edge of graph.edges) {
    if (edge.target !== 'file') continue;
    if (inFolder(edge.to, 'lib/testing') && !inFolder(edge.from, 'lib/testing')) {
      const allowed =
        inFolder(edge.from, 'lib/cli') && edge.kind === 'dynamic' && edge.to === TESTING_ENTRY;
      if (!allowed) violations.push(`only lib/testing may import lib/testing: ${describe(edge)}`);
    }
    if (inFolder(edge.to, 'lib/cli') && !inFolder(edge.from, 'lib/cli')) {
      violations.push(`only lib/cli may import lib/cli: ${describe(edge)}`);
    }
  }
  return violations;
}
