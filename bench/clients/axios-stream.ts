import axios from 'axios';
import type { Readable } from 'node:stream';
import { sseLineReader } from './bare-http.js';
import { BENCH_MESSAGES, BENCH_MODEL, type BodyClient, type ChatClient } from './chat-client.js';

/**
 * axios with `responseType: 'stream'`, counting the bytes: what ours is built on.
 *
 * @param root - the server root (`{root}/api/chat`).
 * @returns the client.
 */
export function axiosBodyClient(root: string): BodyClient {
  const url = `${root}/api/chat`;
  return {
    read: async () => {
      const response = await axios.post<Readable>(url, {}, { responseType: 'stream' });
      let length = 0;
      response.data.on('data', (chunk: Buffer) => (length += chunk.length));
      await new Promise((resolve, reject) => {
        response.data.once('end', resolve);
        response.data.once('error', reject);
      });
      return length;
    },
  };
}

const chatBody = { model: BENCH_MODEL, messages: BENCH_MESSAGES, stream: true };

/**
 * axios with `responseType: 'stream'` and the least a client must do with the SSE (a line
 * split and `JSON.parse`, as bare http does): the limit of any client built on axios, ours
 * included, since it pays axios's own cost per request and per read.
 *
 * @param root - the `/v1` root.
 * @returns the client.
 */
export function axiosSseChatClient(root: string): ChatClient {
  const url = `${root}/chat/completions`;
  const open = async (controller: AbortController) =>
    (
      await axios.post<Readable>(url, chatBody, {
        responseType: 'stream',
        signal: controller.signal,
        maxRedirects: 0,
      })
    ).data;
  return {
    complete: async (onText) => {
      const body = await open(new AbortController());
      const state = { done: false };
      body.setEncoding('utf8');
      body.on(
        'data',
        sseLineReader(onText, () => (state.done = true)),
      );
      await new Promise((resolve, reject) => {
        body.once('end', resolve);
        body.once('error', reject);
      });
      if (!state.done) throw new Error('no [DONE]');
    },
    cancelAtFirstChunk: async () => {
      const controller = new AbortController();
      const body = await open(controller);
      body.on('error', () => undefined); // the abort we cause
      body.setEncoding('utf8');
      return new Promise<bigint>((resolve) => {
        let cancelled = false;
        body.on(
          'data',
          sseLineReader(
            () => {
              if (cancelled) return;
              cancelled = true;
              const at = process.hrtime.bigint();
              controller.abort();
              body.destroy();
              resolve(at);
            },
            () => undefined,
          ),
        );
      });
    },
  };
}
