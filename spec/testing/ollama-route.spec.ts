import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackServer } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const loopback = useLoopbackServer({ models: ['llama3.2', 'qwen3'] });
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

/** What the twin answered. */
interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly text: string;
}

/** One request on a connection of its own (`agent: false`): no kept-alive socket is reused. */
function send(method: 'GET' | 'POST', path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const request = httpRequest(
      `${server.url}${path}`,
      { method, headers, agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            text,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const post = (body: unknown): Promise<Answer> =>
  send('POST', '/ollama/api/chat', typeof body === 'string' ? body : JSON.stringify(body));
const json = (answer: Answer): unknown => JSON.parse(answer.text);

const lines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const user = [{ role: 'user', content: 'Hello twin' }];

describe('the loopback Ollama twin, POST /ollama/api/chat', () => {
  it('streams NDJSON by default (stream defaults to true, as Ollama), the done line last', async () => {
    const response = await post({ model: 'llama3.2', messages: user });
    expect(response.contentType).toBe('application/x-ndjson');
    const all = lines(response.text);
    expect(all.at(-1)).toMatchObject({ done: true, done_reason: 'stop', model: 'llama3.2' });
    expect(all.slice(0, -1).every((line) => line.done === false)).toBe(true);
    const text = all.map((line) => (line.message as { content: string }).content).join('');
    expect(text).toContain('Hello twin');
  });

  it('answers stream: false with one JSON object', async () => {
    server.enqueue({ text: 'Whole', reasoning: 'Thought' });
    const response = await post({ model: 'qwen3', messages: user, stream: false, think: true });
    expect(response.contentType).toBe('application/json; charset=utf-8');
    expect(json(response)).toMatchObject({
      message: { role: 'assistant', content: 'Whole', thinking: 'Thought' },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: 2,
      eval_count: 2,
    });
  });

  it.each([
    ['not JSON', '{', 'invalid request body: not UTF-8 JSON'],
    ['no model', { messages: user }, 'model is required'],
    ['messages not an array', { model: 'm', messages: {} }, 'messages must be an array'],
    [
      'content not a string',
      { model: 'm', messages: [{ role: 'user', content: 1 }] },
      'messages[0].content must be a string',
    ],
    [
      'an image that is not base64',
      { model: 'm', messages: [{ role: 'user', content: '', images: ['https://x/y.png'] }] },
      'messages[0].images: illegal base64 data',
    ],
    [
      'tool arguments as text',
      {
        model: 'm',
        messages: [
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ function: { name: 'f', arguments: '{}' } }],
          },
        ],
      },
      'messages[0].tool_calls[0] must be {function: {name, arguments: object}}',
    ],
    [
      'a tool without a name',
      { model: 'm', messages: user, tools: [{ type: 'function', function: {} }] },
      'tools[0].function.name must be a non-empty string',
    ],
    [
      'think of the wrong type',
      { model: 'm', messages: user, think: 'max' },
      "think must be a boolean or 'high', 'medium', 'low'",
    ],
  ])('refuses %s: 400 with {"error"}', async (_, body, error) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ error });
  });

  it('answers scripted errors in Ollama\'s shape: status text or upstreamError as {"error"}', async () => {
    server.enqueue(
      { status: 404, statusText: 'model "x" not found' },
      { upstreamError: 'runner crashed' },
    );
    const notFound = await post({ model: 'x', messages: user });
    expect(notFound.status).toBe(404);
    expect(json(notFound)).toEqual({ error: 'model "x" not found' });
    const crashed = await post({ model: 'x', messages: user });
    expect(crashed.status).toBe(500);
    expect(json(crashed)).toEqual({ error: 'runner crashed' });
  });

  it('cuts the reply at options.stop and options.num_predict (done_reason length)', async () => {
    server.enqueue({ text: 'one two three END four' }, { text: 'one two three' });
    const stopped = lines(
      (await post({ model: 'm', messages: user, options: { stop: ['END'] } })).text,
    );
    expect(stopped.map((line) => (line.message as { content: string }).content).join('')).toBe(
      'one two three ',
    );
    const cut = lines(
      (await post({ model: 'm', messages: user, options: { num_predict: 2 } })).text,
    );
    expect(cut.at(-1)).toMatchObject({ done_reason: 'length', eval_count: 2 });
  });

  it("GET /ollama/api/tags lists the server's models", async () => {
    const response = await send('GET', '/ollama/api/tags');
    const { models } = json(response) as { models: { name: string }[] };
    expect(models.map((model) => model.name)).toEqual(['llama3.2', 'qwen3']);
  });
});
