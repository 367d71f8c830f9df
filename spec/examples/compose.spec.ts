import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** The lines printed under each `== name ==` heading, by name. */
function sections(output: string): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of output.split('\n')) {
    const heading = /^== (.+) ==$/.exec(line);
    if (heading) byName.set(heading[1]!, (current = []));
    else if (line !== '') current.push(line);
  }
  return byName;
}

describe('examples/compose.ts (run as a user would)', () => {
  let output: Map<string, string[]>;
  beforeAll(async () => {
    // execFile rejects on a non-zero exit code, so this also checks that it exits 0.
    const { stdout } = await run(tsx, ['examples/compose.ts'], { cwd: root, timeout: 15_000 });
    output = sections(stdout);
  });

  it('prints its four sections in order', () => {
    expect([...output.keys()]).toEqual(['chat', 'type-ahead', 'side by side', 'stop']);
  });

  it('chat: two turns leave four messages in the history, the second sent with the first', () => {
    expect(output.get('chat')).toEqual([
      'user: What is RxJS?',
      'assistant: ## About "What is RxJS?"',
      'user: And what does switchMap do?',
      'assistant: ## About "And what does switchMap do?"',
      'history: 4 messages',
      'the last reply saw: 3 messages, 2 from you',
    ]);
  });

  it('type-ahead: only the last query completes; the server sees the others closed', () => {
    expect(output.get('type-ahead')).toEqual([
      'answered: ## About "Search: rxjs"',
      'server: "Search: r" client-closed',
      'server: "Search: rx" client-closed',
      'server: "Search: rxjs" completed',
    ]);
  });

  it('side by side: both replies stream to their end', () => {
    const [frames, ...columns] = output.get('side by side') ?? [];
    expect(Number(/^frames rendered: (\d+)$/.exec(frames ?? '')?.[1])).toBeGreaterThan(2);
    expect(columns).toEqual([
      expect.stringMatching(
        /^left: \d+ chars, last line: Unsubscribe at any time to cancel the stream\.$/,
      ),
      expect.stringMatching(
        /^right: \d+ chars, last line: Unsubscribe at any time to cancel the stream\.$/,
      ),
    ]);
  });

  it('stop: the reply stops short of the full one and the server sees the connection closed', () => {
    const [shown, server] = output.get('stop') ?? [];
    const [, stopped, full] = /^shown before Stop: (\d+) of (\d+) chars$/.exec(shown ?? '') ?? [];
    const fullLength = Number(
      /^left: (\d+) chars/.exec(output.get('side by side')?.[1] ?? '')?.[1],
    );
    expect(Number(full)).toBe(fullLength);
    expect(Number(stopped)).toBeLessThan(fullLength);
    expect(server).toBe('server: "Explain Observables in one paragraph" client-closed');
  });
});
