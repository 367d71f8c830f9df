import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT_CODES } from '../../lib/cli/exit-codes.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { runInProcess } from './support/run-in-process.js';

let server: LoopbackServer;
let folder: string;
const schema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
};

beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
  folder = await mkdtemp(join(tmpdir(), 'rx-json-schema-'));
  await writeFile(join(folder, 'person.schema.json'), JSON.stringify(schema));
  await writeFile(join(folder, 'broken.json'), '{"type":');
  await writeFile(join(folder, 'list.json'), '[]');
});
afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

const openai = (): string[] => ['--provider', 'openai', '--base-url', `${server.url}/v1`];

describe('rx-completions --json-schema FILE', () => {
  it("sends the file's schema as response_format and prints the JSON reply", async () => {
    server.clearRequests();
    server.enqueue({ path: '/v1/chat/completions', text: '{"name":"Ada","age":36}', chunkSize: 4 });
    const run = await runInProcess([
      ...openai(),
      '--json-schema',
      join(folder, 'person.schema.json'),
      'Who wrote the first program?',
    ]);
    expect(run).toEqual({ code: 0, stdout: '{"name":"Ada","age":36}', stderr: '' });
    const body = server.requests.at(-1)?.json() as Record<string, unknown>;
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'person_schema', schema },
    });
  });

  it('fails with JsonParseError when the reply is not JSON, after printing it', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'Sure! Here it is: {"name":' });
    const run = await runInProcess([
      ...openai(),
      '--json-schema',
      join(folder, 'person.schema.json'),
      'Hi',
    ]);
    expect(run.code).toBe(EXIT_CODES.stream);
    expect(run.stdout).toBe('Sure! Here it is: {"name":');
    expect(run.stderr).toMatch(/^error: JsonParseError: /);
  });

  it.each([
    ['missing.json', /cannot read --json-schema ".*missing\.json": ENOENT/],
    ['broken.json', /--json-schema ".*broken\.json" is not JSON/],
    ['list.json', /must hold a JSON Schema object/],
  ])('returns 2 for %s, sending nothing', async (file, message) => {
    server.clearRequests();
    const run = await runInProcess([...openai(), '--json-schema', join(folder, file), 'Hi']);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('is refused by aivvm, whose protocol has no JSON mode', async () => {
    const run = await runInProcess([
      '--base-url',
      server.url,
      '--json-schema',
      join(folder, 'person.schema.json'),
      'Hi',
    ]);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toMatch(/InvalidRequestError: .*responseFormat.*no JSON mode/);
  });
});
