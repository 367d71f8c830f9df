import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

async function runExample(name: string): Promise<string> {
  const { stdout } = await run(tsx, [`examples/${name}.ts`], { cwd: root, timeout: 15_000 });
  return stdout;
}

describe('examples (run as a user would, so they cannot rot)', () => {
  it('quickstart streams the loopback reply and exits 0', async () => {
    const output = await runExample('quickstart');
    expect(output).toContain('What does rx-completions do?');
    expect(output).toContain('**Model:** GPT-4');
  });

  it('seed-calls makes both calls of the seed', async () => {
    const output = await runExample('seed-calls');
    const [first, second] = output.split('\n---\n');
    expect(first).toContain('Hello, world!');
    expect(first).toContain('GPT-3.5');
    expect(second).toContain('Translate to Spanish: Hello, world!');
    expect(second).toContain('0.9');
    expect(second).toContain('You are a translator');
  });

  it('cancel-mid-stream stops the reply early and the server sees the close', async () => {
    const [full, cancelled] = await Promise.all([
      runExample('quickstart'),
      runExample('cancel-mid-stream'),
    ]);
    expect(cancelled).toContain('[stopped: the server has 0 open connections]');
    const streamed = cancelled.split('\n[stopped')[0] ?? '';
    expect(streamed.length).toBeLessThan(full.length / 2);
  });

  it('structured-output renders the recipe as it grows, then checks it against the schema', async () => {
    const lines = (await runExample('structured-output')).trim().split('\n');
    const growing = lines.filter((line) => line.startsWith('growing: '));
    expect(growing.length).toBeGreaterThan(3);
    // Each snapshot only grows: its JSON text without the closing brackets is a prefix of the next's.
    const open = (line: string): string => line.replace(/[\]}"]+$/u, '');
    for (const [at, line] of growing.slice(1).entries()) {
      expect(line.startsWith(open(growing[at] ?? ''))).toBe(true);
    }
    expect(lines.at(-1)).toBe('checked: Pancakes, 20 min, 3 steps');
  });

  it('tools makes a two-step run with two calls at once, then stops at the first tool result', async () => {
    const [run, stopped] = (await runExample('tools')).split('== Stop at the first tool result ==');
    expect(run).toContain('← weather: {"city":"Oslo","celsius":4}');
    expect(run).toContain('← weather: {"city":"Paris","celsius":12}');
    expect(run).toContain('-- step 1 ends (5 messages, final)');
    expect(stopped).toContain('(weather for Paris cancelled)');
    expect(stopped).not.toContain('(weather for Oslo cancelled)');
    expect(stopped).toContain('stopped: 1 request sent');
  });
});
