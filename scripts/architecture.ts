/**
 * `npm run architecture`: writes docs/architecture.md from the import statements of
 * `lib/**\/*.ts` — the folder graph, its cycles, the layering rules, a note per folder.
 * `npm run architecture:check` (`--check`): writes nothing, fails when the file is stale.
 *
 * Either way it exits 1 when a file or a folder cycle exists or a layering rule is broken
 * (see scripts/architecture/layer-rules.ts), printing each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

import { layerViolations } from './architecture/layer-rules.js';
import { readImports } from './architecture/read-imports.js';
import {
  fileCyclesOf,
  folderCyclesOf,
  renderArchitecture,
  type ArchitectureFacts,
} from './architecture/render-architecture.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCUMENT = 'docs/architecture.md';

/** The document for the current `lib/`, formatted as `prettier --check` wants it. */
export async function architectureDocument(): Promise<{ facts: ArchitectureFacts; text: string }> {
  const graph = readImports(ROOT, 'lib');
  const facts: ArchitectureFacts = {
    graph,
    fileCycles: fileCyclesOf(graph),
    folderCycles: folderCyclesOf(graph),
    violations: layerViolations(graph),
  };
  const path = `${ROOT}${DOCUMENT}`;
  const config = (await prettier.resolveConfig(path)) ?? {};
  const text = await prettier.format(renderArchitecture(facts), { ...config, filepath: path });
  return { facts, text };
}

async function main(check: boolean): Promise<number> {
  const { facts, text } = await architectureDocument();
  const problems = [
    ...facts.fileCycles.map((cycle) => `file cycle: ${cycle.join(' ↔ ')}`),
    ...facts.folderCycles.map((cycle) => `folder cycle: ${cycle.join(' ↔ ')}`),
    ...facts.violations.map((violation) => `layering: ${violation}`),
  ];
  for (const problem of problems) console.error(problem);
  const path = `${ROOT}${DOCUMENT}`;
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${DOCUMENT} is stale: run npm run architecture`);
      return 1;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${DOCUMENT}`);
  }
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.includes('--check'));
