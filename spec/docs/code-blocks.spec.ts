/**
 * Every TypeScript block of README.md and docs/ is a program a user can paste: each is
 * type-checked as a module of its own against the package's source, and run (with `tsx`) unless
 * a `<!-- typecheck-only: reason -->` line before it says why not (a server that listens for
 * ever, say). Runs talk to a loopback server: the local endpoints the examples name
 * (`http://127.0.0.1:11434`, Ollama's port) are pointed at it, and each run must exit 0 by
 * itself within 20 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { markdownCodeBlocks, type CodeBlock } from './support/markdown-code-blocks.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRATCH = join(ROOT, '.scratch-docs');
const LOCAL_ENDPOINT = 'http://127.0.0.1:11434';
const RUN_LIMIT_MS = 20_000;

const markdownFiles = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const blocks = markdownFiles.flatMap((file) => markdownCodeBlocks(ROOT, file));
const nameOf = (block: CodeBlock): string =>
  `${block.file.replace(/[/.]/g, '-')}-line-${block.line}.ts`;

function typeErrors(files: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(files, {
    ...config.options,
    noUnusedLocals: false,
    noUnusedParameters: false,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
    .map((diagnostic) => {
      const file = diagnostic.file;
      const where = file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      return `${file?.fileName ?? '?'}:${(where?.line ?? 0) + 1}: ${text}`;
    });
}

function run(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env['OPENAI_API_KEY'];
    // One process (tsx as a loader, not its CLI's wrapper), so the time limit's kill reaches it.
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the code blocks of README.md and docs/', () => {
  let server: LoopbackServer;

  beforeAll(async () => {
    server = await startLoopbackServer({ delayMs: 0 });
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
  });

  afterAll(async () => {
    await server.close();
  });

  it('finds the TypeScript blocks', () => {
    expect(blocks.length).toBeGreaterThan(3);
  });

  it('type-checks every block as a module of its own', () => {
    const files = blocks.map((block) => {
      const file = join(SCRATCH, `check-${nameOf(block)}`);
      writeFileSync(file, `${block.code}\nexport {};\n`);
      return file;
    });
    expect(typeErrors(files)).toEqual([]);
  }, 60_000);

  it.each(
    blocks.filter((block) => block.typecheckOnly === undefined).map((b) => [nameOf(b), b] as const),
  )(
    'runs %s to a clean exit',
    async (name, block) => {
      const file = join(SCRATCH, `run-${name}`);
      // An Ollama example's root (the string ends at the port) is the twin under /ollama.
      const ollamaRoot = block.code.includes('new Ollama(') ? `${server.url}/ollama` : server.url;
      const source = block.code
        .replaceAll(`'${LOCAL_ENDPOINT}'`, `'${ollamaRoot}'`)
        .replaceAll(LOCAL_ENDPOINT, server.url);
      writeFileSync(file, `${source}\nexport {};\n`);
      const { code, output } = await run(file);
      expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    },
    RUN_LIMIT_MS + 5_000,
  );
});
