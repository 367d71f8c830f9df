import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axiosSseChatClient } from '../../bench/clients/axios-stream.js';
import {
  bareHttpBodyClient,
  bareHttpChatClient,
  bareHttpLatin1Client,
} from '../../bench/clients/bare-http.js';
import {
  oursAivvmBodyClient as oursAivvm,
  oursChatClient as oursChat,
} from '../../bench/clients/ours.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';

// The bench measures the built package; the tests run its sources.
const oursChatClient = (root: string) => oursChat(root, { OpenAICompatible, Aivvm });
const oursAivvmBodyClient = (root: string) => oursAivvm(root, { OpenAICompatible, Aivvm });
import { openAISseBody, openAISseTextLength, pieceAt } from '../../bench/server/openai-sse-body.js';
import { BLOCK_SIZE, plainTextBlock } from '../../bench/server/plain-text-block.js';
import { startBenchServer, type BenchServer } from '../../bench/server/bench-server.js';

const EVENTS = 500;
const MIB = 1024 * 1024;
let server: BenchServer;

beforeAll(async () => {
  server = await startBenchServer({
    events: EVENTS,
    bigBodyBytes: 2 * MIB,
    memoryBytes: MIB,
    concurrentEvents: 10,
  });
});
afterAll(async () => {
  await server.close();
});

describe('openAISseBody', () => {
  it('holds the role chunk, one chunk per piece, the finish, the usage and [DONE]', () => {
    const data = openAISseBody(3)
      .toString()
      .split('\n\n')
      .filter((event) => event !== '')
      .map((event) => event.replace(/^data: /, ''));
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((json) => JSON.parse(json) as Record<string, unknown>);
    expect(chunks).toHaveLength(6);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(JSON.stringify(chunks[1])).toContain(`"content":"${pieceAt(0)}"`);
    expect(openAISseTextLength(3)).toBe(12);
  });
});

describe('plainTextBlock', () => {
  it('is 1 MiB of valid UTF-8 whose decoded length it knows', () => {
    const block = plainTextBlock();
    expect(block.bytes.length).toBe(BLOCK_SIZE);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(block.bytes);
    expect(text.length).toBe(block.textLength);
    expect(block.bytes.some((byte) => byte >= 0x80)).toBe(true);
  });
});

describe('the bench server', () => {
  it('streams every delta to bare http, to axios with a line split, and to ours', async () => {
    for (const client of [bareHttpChatClient, axiosSseChatClient, oursChatClient]) {
      let length = 0;
      await client(`${server.url}/stream/v1`).complete((text) => (length += text.length));
      expect(length).toBe(openAISseTextLength(EVENTS));
    }
  });

  it('serves the Aivvm body whole, as bytes and as text', async () => {
    expect(await bareHttpBodyClient(`${server.url}/big`).read()).toBe(2 * MIB);
    expect(await bareHttpLatin1Client(`${server.url}/ascii`).read()).toBe(2 * MIB);
    expect(await oursAivvmBodyClient(`${server.url}/big`).read()).toBe(2 * server.blockTextLength);
  });

  it('records when a held response closes after ours unsubscribes, and leaves no socket', async () => {
    const closes = server.newHoldRecord();
    const idle = server.openSockets(); // keep-alive connections of the tests above
    const cancelledAt = await oursChatClient(`${server.url}/hold/v1`).cancelAtFirstChunk();
    for (let waited = 0; waited < 2000 && closes[0] === 0n; waited += 10) {
      await sleep(10);
    }
    expect(closes).toHaveLength(1);
    expect(closes[0]).toBeGreaterThan(cancelledAt);
    for (let waited = 0; waited < 2000 && server.openSockets() > idle; waited += 10) {
      await sleep(10);
    }
    expect(server.openSockets()).toBeLessThanOrEqual(idle);
  });

  it('keeps the close of a response held before a new record out of it', async () => {
    const earlier = server.newHoldRecord();
    const controller = new AbortController();
    const held = new Promise<void>((resolve) => {
      request(
        `${server.url}/hold/v1/chat/completions`,
        { method: 'POST', signal: controller.signal },
        (response) => {
          response.on('error', () => undefined);
          response.once('data', () => {
            resolve();
          });
        },
      )
        .on('error', () => undefined)
        .end('{}');
    });
    await held;
    const current = server.newHoldRecord();
    controller.abort();
    for (let waited = 0; waited < 2000 && earlier[0] === 0n; waited += 10) {
      await sleep(10);
    }
    expect(earlier[0]).toBeGreaterThan(0n);
    expect(current).toEqual([]);
  });
});
