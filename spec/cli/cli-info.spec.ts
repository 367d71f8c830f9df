import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { killRunningClis, runCliProcess } from './support/cli-process.js';

afterEach(() => {
  killRunningClis();
});

describe('rx-completions --help and --version', () => {
  it('lists every option and every exit code', async () => {
    const run = await runCliProcess(['--help']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: rx-completions \[options\] \[prompt\.\.\.\]/);
    for (const option of [
      '--provider',
      '--model',
      '--base-url',
      '--serve',
      '--system',
      '--temperature',
      '--timeout',
      '--timeout-each',
      '--timeout-total',
      '--retries',
      '--json',
      '--api-key-file',
      '--verbose',
      '--help',
      '--version',
    ]) {
      expect(run.stdout).toContain(`${option} `);
    }
    for (const [code, name] of [
      [2, 'usage'],
      [3, 'ModelNotSupportedError'],
      [4, 'HttpStatusError'],
      [5, 'NetworkError'],
      [6, 'TimeoutError'],
      [7, 'DecodeError'],
      [8, 'StreamError'],
      [9, 'AllProvidersFailedError'],
      [130, 'interrupted by Ctrl-C'],
    ] as const) {
      expect(run.stdout).toMatch(new RegExp(`^ +${code}  ${name}`, 'm'));
    }
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const run = await runCliProcess(['--version']);

    expect(run).toEqual(expect.objectContaining({ code: 0, stdout: `${version}\n`, stderr: '' }));
  });
});
