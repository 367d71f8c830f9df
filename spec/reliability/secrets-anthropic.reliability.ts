/**
 * Secrets, Anthropic: the key sent in `x-api-key` (given as `apiKey`, or in `headers`) and
 * echoed by a hostile server — in its status text, an Anthropic error body, a response
 * header, the end of an 8 KiB excerpt, or an `error` event inside the stream; plain,
 * JSON-escaped, URL-encoded, upper-cased or in base64 — never appears in an error's message,
 * `String()`, `.stack`, `JSON.stringify` or `util.inspect`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Anthropic } from '../../lib/providers/anthropic/anthropic.js';
import { ENCODE, type EchoForm } from '../secrets/support/echo-server.js';
import { recordUntilSettled } from './support/record-events.js';

const FORMS: readonly EchoForm[] = ['plain', 'json', 'url', 'upper', 'base64'];
const PLACES = ['status-text', 'body', 'header', 'excerpt-end', 'stream-error'] as const;
type Place = (typeof PLACES)[number];
const KEY = 'sk-ant-api03-Q9w8+E7r6/T5y4U3i2O1-secret';

let echo: { place: Place; form: EchoForm } = { place: 'body', form: 'plain' };
let received = '';

function reply(response: ServerResponse): void {
  const echoed = ENCODE[echo.form](received);
  const error = (message: string) =>
    JSON.stringify({ type: 'error', error: { type: 'authentication_error', message } });
  switch (echo.place) {
    case 'status-text':
      response.writeHead(401, `Bad key ${echoed}`, { 'content-type': 'application/json' });
      response.end('{}');
      return;
    case 'body':
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(error(`invalid x-api-key: ${echoed}`));
      return;
    case 'header':
      response.writeHead(401, { 'content-type': 'application/json', 'x-echo': echoed });
      response.end(error('invalid x-api-key'));
      return;
    case 'excerpt-end':
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`${'x'.repeat(8192 - 20)}${echoed}${'y'.repeat(100)}`);
      return;
    case 'stream-error': {
      const overloaded = {
        type: 'error',
        error: { type: 'overloaded_error', message: `for ${echoed}` },
      };
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        `event: message_start\ndata: {"type":"message_start","message":{"usage":{}}}\n\n` +
          `event: error\ndata: ${JSON.stringify(overloaded)}\n\n`,
      );
      return;
    }
  }
}

let url = '';
const sockets = new Set<Socket>();
const server = createServer((request: IncomingMessage, response) => {
  request.resume();
  request.once('end', () => {
    const header = request.headers['x-api-key'];
    received = typeof header === 'string' ? header : '';
    reply(response);
  });
});
server.keepAliveTimeout = 1;
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.once('close', () => sockets.delete(socket));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

function renderings(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error)];
  return [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 10 }),
  ];
}

const forms = (key: string): string[] => [
  key.slice(0, 14),
  ...FORMS.map((form) => ENCODE[form](key)),
  encodeURIComponent(key),
  key.toLowerCase(),
];

describe('Anthropic: no place or form lets the x-api-key into an error', () => {
  const carriers = {
    apiKey: () => new Anthropic({ baseURL: url, apiKey: KEY }),
    headers: () => new Anthropic({ baseURL: url, apiKey: '', headers: { 'x-api-key': KEY } }),
  };
  const rows = (['apiKey', 'headers'] as const).flatMap((carrier) =>
    PLACES.map((place) => [carrier, place] as const),
  );
  it.each(rows)('key from %s, echoed in the %s, every form', async (carrier, place) => {
    for (const form of FORMS) {
      echo = { place, form };
      const { error } = await recordUntilSettled(
        carriers[carrier]().createCompletion(
          'claude-sonnet-4-5',
          [{ role: 'user', content: 'Hi' }],
          true,
        ),
      );
      expect(received).toBe(KEY);
      expect(error).toBeInstanceOf(Error);
      for (const text of renderings(error))
        for (const form2 of forms(KEY)) expect(text).not.toContain(form2);
    }
  });
});
