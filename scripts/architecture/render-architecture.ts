/**
 * docs/architecture.md as Markdown, from the import graph: the folder graph (Mermaid), the
 * cycles, the layering rules and their violations, and one note per folder.
 */
import { findCycles } from './find-cycles.js';
import { noteFor } from './layer-notes.js';
import { RULE_TEXTS } from './layer-rules.js';
import { folderOf, type ImportGraph, type ImportKind } from './read-imports.js';

/** What the document is made from. */
export interface ArchitectureFacts {
  readonly graph: ImportGraph;
  readonly fileCycles: readonly (readonly string[])[];
  readonly folderCycles: readonly (readonly string[])[];
  readonly violations: readonly string[];
}

/** The folders each folder imports from, with the strongest kind of import between them. */
export function folderEdges(graph: ImportGraph): Map<string, Map<string, ImportKind>> {
  const strength: Record<ImportKind, number> = { type: 0, dynamic: 1, value: 2 };
  const edges = new Map<string, Map<string, ImportKind>>();
  for (const file of graph.files) edges.set(folderOf(file), new Map());
  for (const edge of graph.edges) {
    if (edge.target !== 'file') continue;
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from === to) continue;
    const targets = edges.get(from) ?? new Map<string, ImportKind>();
    const known = targets.get(to);
    if (known === undefined || strength[edge.kind] > strength[known]) targets.set(to, edge.kind);
    edges.set(from, targets);
  }
  return edges;
}

/** Every cycle between folders. */
export function folderCyclesOf(graph: ImportGraph): string[][] {
  const edges = folderEdges(graph);
  return findCycles([...edges.keys()].sort(), (folder) => [...(edges.get(folder)?.keys() ?? [])]);
}

/** Every cycle between files. */
export function fileCyclesOf(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.target === 'file') next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  return findCycles(graph.files, (file) => next.get(file) ?? []);
}

/** The folders, each after the folders it imports (alphabetical among equals). */
function layerOrder(edges: Map<string, Map<string, ImportKind>>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...edges.keys()].sort();
  while (remaining.length > 0) {
    const ready = remaining.find((folder) =>
      [...(edges.get(folder)?.keys() ?? [])].every((to) => placed.has(to)),
    );
    // On a cycle nothing is ready: take the first left, so the order is still complete.
    const folder = ready ?? remaining[0]!;
    remaining.splice(remaining.indexOf(folder), 1);
    placed.add(folder);
    order.push(folder);
  }
  return order;
}

const label = (folder: string): string => (folder === 'lib' ? 'lib' : folder.slice('lib/'.length));
const nodeId = (folder: string): string => label(folder).replace(/[^A-Za-z0-9]/g, '_');
const code = (text: string): string => `\`${text}\``;

function mermaid(edges: Map<string, Map<string, ImportKind>>, order: readonly string[]): string {
  const lines = ['```mermaid', 'graph LR'];
  for (const folder of order) lines.push(`  ${nodeId(folder)}["${label(folder)}"]`);
  for (const folder of order) {
    for (const [to, kind] of [...(edges.get(folder) ?? new Map<string, ImportKind>())].sort()) {
      const arrow = kind === 'value' ? '-->' : kind === 'dynamic' ? '-. "import()" .->' : '-.->';
      lines.push(`  ${nodeId(folder)} ${arrow} ${nodeId(to)}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

function cycleSection(facts: ArchitectureFacts): string {
  if (facts.fileCycles.length === 0 && facts.folderCycles.length === 0) {
    return 'None: no file imports itself through other files (type-only imports included), and no folder imports itself through other folders.';
  }
  const list = (cycles: readonly (readonly string[])[]): string[] =>
    cycles.map((cycle) => `- ${cycle.map(code).join(' ↔ ')}`);
  return [
    'These must be removed (`npm run architecture:check` fails until they are):',
    '',
    ...list(facts.fileCycles),
    ...list(facts.folderCycles),
  ].join('\n');
}

function rulesSection(violations: readonly string[]): string {
  const rules = RULE_TEXTS.map((rule) => `- ${rule}`);
  const status =
    violations.length === 0
      ? 'All hold.'
      : [
          'Broken (`npm run architecture:check` fails):',
          '',
          ...violations.map((v) => `- ${v}`),
        ].join('\n');
  return [...rules, '', status].join('\n');
}

function folderSection(
  folder: string,
  graph: ImportGraph,
  edges: Map<string, Map<string, ImportKind>>,
): string {
  const files = graph.files.filter((file) => folderOf(file) === folder).length;
  const uses = [...(edges.get(folder)?.keys() ?? [])].sort().map((to) => code(label(to)));
  const usedBy = [...edges]
    .filter(([, targets]) => targets.has(folder))
    .map(([from]) => code(label(from)))
    .sort();
  return [
    `### ${code(label(folder))}`,
    '',
    noteFor(folder),
    '',
    `${files} file${files === 1 ? '' : 's'}. Imports: ${uses.join(', ') || 'no other folder'}. Imported by: ${usedBy.join(', ') || 'no other folder'}.`,
  ].join('\n');
}

/**
 * The whole document (not yet formatted).
 *
 * @param facts - the graph and what was checked.
 * @returns Markdown.
 */
export function renderArchitecture(facts: ArchitectureFacts): string {
  const edges = folderEdges(facts.graph);
  const order = layerOrder(edges);
  return [
    '# Architecture',
    '',
    '<!-- Generated by `npm run architecture` (scripts/architecture.ts) from the imports of lib/. Do not edit by hand: change the code, or the notes in scripts/architecture/layer-notes.ts, and run it again. `npm run architecture:check` (part of `npm test`) fails when this file is stale. -->',
    '',
    'How the folders of `lib/` depend on each other, read from the import statements of every file. An arrow `a → b` means a file of `a` imports a file of `b`; a dotted arrow, types only; `import()`, loaded on demand only.',
    '',
    '## Module graph',
    '',
    mermaid(edges, order),
    '',
    '## Cycles',
    '',
    cycleSection(facts),
    '',
    '## Layering rules',
    '',
    rulesSection(facts.violations),
    '',
    '## Where to change what',
    '',
    'The folders in layer order: each comes after every folder it imports.',
    '',
    order.map((folder) => folderSection(folder, facts.graph, edges)).join('\n\n'),
    '',
  ].join('\n');
}
