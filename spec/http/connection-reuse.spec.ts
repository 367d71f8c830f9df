import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { lastValueFrom, takeWhile, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestBytes } from '../../lib/http/request-bytes.js';

const DONE = 'data: {"x":1}\n\ndata: [DONE]\n\n';
const decoder = new TextDecoder();

/** Reads until a chunk holds `[DONE]` and stops there, as a chat-completions consumer does. */
const untilDone = (url: string) =>
  lastValueFrom(
    requestBytes({ provider: 'Test', method: 'POST', url, headers: {} }).pipe(
      takeWhile((chunk) => !decoder.decode(chunk).includes('[DONE]'), true),
      toArray(),
    ),
  );

let server: Server;
let url = '';
const sockets: Socket[] = [];
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    if (request.url === '/ends') response.end(DONE);
    else {
      response.write(DONE); // and keeps the response open
      held.push(response);
    }
  });
  server.on('connection', (socket: Socket) => sockets.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  server.close();
  await once(server, 'close');
});

describe('requestBytes, unsubscribed at the end of the reply', () => {
  it('lets a body whose end came with its last bytes finish: the next request reuses the connection', async () => {
    sockets.length = 0;
    for (let index = 0; index < 3; index++) await untilDone(`${url}/ends`);
    expect(sockets).toHaveLength(1);
  });

  it('closes the connection of a body the server keeps open, without holding the reply up', async () => {
    const chunks = await untilDone(`${url}/holds`);
    expect(decoder.decode(chunks.at(-1))).toContain('[DONE]');
    const socket = held.at(-1)?.socket;
    if (!socket) throw new Error('no connection');
    if (!socket.destroyed) await once(socket, 'close');
    expect(socket.destroyed).toBe(true);
  });
});
