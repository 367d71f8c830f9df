import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { findCycles } from '../../scripts/architecture/find-cycles.js';
import { noteFor } from '../../scripts/architecture/layer-notes.js';
import { layerViolations } from '../../scripts/architecture/layer-rules.js';
import { readImports, type ImportGraph } from '../../scripts/architecture/read-imports.js';
import {
  fileCyclesOf,
  folderCyclesOf,
  renderArchitecture,
} from '../../scripts/architecture/render-architecture.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A repository in a temporary folder holding `files` (path → source). */
function repository(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'rx-architecture-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('findCycles', () => {
  const graph = (edges: Readonly<Record<string, readonly string[]>>) => (node: string) =>
    edges[node] ?? [];

  it('finds none in a DAG, and each strongly connected component once', () => {
    expect(findCycles(['a', 'b', 'c'], graph({ a: ['b', 'c'], b: ['c'] }))).toEqual([]);
    const edges = graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['f'] });
    expect(findCycles(['a', 'b', 'c', 'd', 'e', 'f'], edges)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['f'],
    ]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, index) => `n${index}`);
    const next = (node: string): string[] => {
      const index = Number(node.slice(1));
      return index + 1 < nodes.length ? [`n${index + 1}`] : ['n0'];
    };
    expect(findCycles(nodes, next)).toHaveLength(1);
  });
});

describe('readImports', () => {
  it('reads value, type-only, re-exported and dynamic imports, resolving .js to .ts', () => {
    const root = repository({
      'lib/index.ts': "export { a } from './a/a.js';\nexport type { B } from './b/b.js';\n",
      'lib/a/a.ts':
        "import type { B } from '../b/b.js';\nimport { readFile } from 'node:fs';\nimport { map } from 'rxjs/operators';\nexport const a = (b: B) => import('../b/b.js');\n",
      'lib/b/b.ts': "import { type A, a } from '../a/a.js';\nexport type B = typeof a;\n",
      'lib/b/b.d.ts': 'export {};\n',
    });
    const graph = readImports(root, 'lib');
    expect(graph.files).toEqual(['lib/a/a.ts', 'lib/b/b.ts', 'lib/index.ts']);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: 'lib/index.ts', to: 'lib/a/a.ts', kind: 'value', target: 'file' },
        { from: 'lib/index.ts', to: 'lib/b/b.ts', kind: 'type', target: 'file' },
        { from: 'lib/a/a.ts', to: 'lib/b/b.ts', kind: 'type', target: 'file' },
        { from: 'lib/a/a.ts', to: 'node:fs', kind: 'value', target: 'builtin' },
        { from: 'lib/a/a.ts', to: 'rxjs', kind: 'value', target: 'package' },
        { from: 'lib/a/a.ts', to: 'lib/b/b.ts', kind: 'dynamic', target: 'file' },
        { from: 'lib/b/b.ts', to: 'lib/a/a.ts', kind: 'value', target: 'file' },
      ]),
    );
    // A cycle through a type-only import is a cycle.
    expect(fileCyclesOf(graph)).toEqual([['lib/a/a.ts', 'lib/b/b.ts']]);
    expect(folderCyclesOf(graph)).toEqual([['lib/a', 'lib/b']]);
  });

  it('fails on a relative import that names no file', () => {
    const root = repository({ 'lib/index.ts': "import './missing.js';\n" });
    expect(() => readImports(root, 'lib')).toThrow(/lib\/index.ts: cannot resolve "?.*missing/);
  });
});

describe('layerViolations', () => {
  const edge = (from: string, to: string, kind: 'value' | 'type' | 'dynamic' = 'value') => ({
    from,
    to,
    kind,
    target: to.startsWith('node:') ? ('builtin' as const) : ('file' as const),
  });
  const files = [
    'lib/index.ts',
    'lib/x/x.ts',
    'lib/cli/run.ts',
    'lib/testing/index.ts',
    'lib/testing/server/s.ts',
  ];

  it('accepts the allowed shape: cli loads the testing entry with import()', () => {
    const graph: ImportGraph = {
      files,
      edges: [
        edge('lib/index.ts', 'lib/x/x.ts'),
        edge('lib/cli/run.ts', 'lib/x/x.ts'),
        edge('lib/cli/run.ts', 'lib/testing/index.ts', 'dynamic'),
        edge('lib/testing/index.ts', 'lib/testing/server/s.ts'),
        edge('lib/testing/server/s.ts', 'node:http'),
        edge('lib/testing/server/s.ts', 'lib/x/x.ts'),
      ],
    };
    expect(layerViolations(graph)).toEqual([]);
  });

  it('names each broken rule', () => {
    const graph: ImportGraph = {
      files,
      edges: [
        edge('lib/index.ts', 'lib/x/x.ts'),
        edge('lib/x/x.ts', 'node:fs'),
        edge('lib/x/x.ts', 'lib/testing/server/s.ts', 'type'),
        edge('lib/cli/run.ts', 'lib/testing/index.ts'),
        edge('lib/testing/index.ts', 'lib/cli/run.ts', 'dynamic'),
      ],
    };
    expect(layerViolations(graph)).toEqual([
      'lib/index.ts reaches a Node built-in: lib/x/x.ts imports node:fs',
      'only lib/testing may import lib/testing: lib/x/x.ts imports lib/testing/server/s.ts (type)',
      'only lib/testing may import lib/testing: lib/cli/run.ts imports lib/testing/index.ts',
      'only lib/cli may import lib/cli: lib/testing/index.ts imports lib/cli/run.ts (dynamic)',
    ]);
  });
});

describe('renderArchitecture', () => {
  it('draws folder edges, lists cycles and falls back for a folder without a note', () => {
    const root = repository({
      'lib/index.ts': "export * from './new-folder/n.js';\n",
      'lib/new-folder/n.ts': "export type T = import('../index.js').X;\nexport const n = 1;\n",
    });
    const graph = readImports(root, 'lib');
    const text = renderArchitecture({
      graph,
      fileCycles: fileCyclesOf(graph),
      folderCycles: folderCyclesOf(graph),
      violations: [],
    });
    expect(text).toContain('lib --> new_folder');
    expect(text).toContain('new_folder -.-> lib');
    expect(text).toContain('- `lib/index.ts` ↔ `lib/new-folder/n.ts`');
    expect(text).toContain(noteFor('lib/new-folder'));
    expect(noteFor('lib/new-folder')).toMatch(/^No note yet/);
  });
});
