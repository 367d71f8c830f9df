import { Agent, request, type IncomingMessage } from 'node:http';
import { BENCH_MESSAGES, BENCH_MODEL, type BodyClient, type ChatClient } from './chat-client.js';

/** Keep-alive, as every other client has it. */
const agent = new Agent({ keepAlive: true });

function post(url: string, body: string, onResponse: (response: IncomingMessage) => void) {
  const payload = Buffer.from(body);
  const outgoing = request(url, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': payload.length },
  });
  outgoing.once('response', onResponse);
  outgoing.end(payload);
  return outgoing;
}

interface ChatChunk {
  readonly choices: readonly { readonly delta?: { readonly content?: string } }[];
}

/**
 * Splits SSE text into lines and `JSON.parse`s each `data:` line: the least a client must do.
 * Calls `onText` per delta and `onDone` at `[DONE]`.
 *
 * @param onText - called with each delta's content.
 * @param onDone - called at `data: [DONE]`.
 * @returns the function to call with each piece of text.
 */
export function sseLineReader(onText: (text: string) => void, onDone: () => void) {
  let rest = '';
  return (text: string): void => {
    const buffer = rest + text;
    let start = 0;
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
      if (buffer.startsWith('data: ', start)) {
        const data = buffer.slice(start + 6, end);
        if (data === '[DONE]') onDone();
        else {
          const content = (JSON.parse(data) as ChatChunk).choices[0]?.delta?.content;
          if (content) onText(content);
        }
      }
      start = end + 1;
    }
    rest = buffer.slice(start);
  };
}

const chatBody = JSON.stringify({ model: BENCH_MODEL, messages: BENCH_MESSAGES, stream: true });

/**
 * The limit: `node:http` with a keep-alive agent, a line split and `JSON.parse`, no layers.
 *
 * @param root - the `/v1` root.
 * @returns the client.
 */
export function bareHttpChatClient(root: string): ChatClient {
  const url = `${root}/chat/completions`;
  return {
    complete: (onText) =>
      new Promise((resolve, reject) => {
        let done = false;
        const read = sseLineReader(onText, () => (done = true));
        post(url, chatBody, (response) => {
          response.setEncoding('utf8');
          response.on('data', read);
          response.once('end', () => {
            if (done) resolve();
            else reject(new Error('no [DONE]'));
          });
          response.once('error', reject);
        }).once('error', reject);
      }),
    cancelAtFirstChunk: () =>
      new Promise((resolve, reject) => {
        const outgoing = post(url, chatBody, (response) => {
          response.on('error', () => undefined); // the abort we caused
          response.setEncoding('utf8');
          response.on(
            'data',
            sseLineReader(
              () => {
                if (outgoing.destroyed) return;
                const at = process.hrtime.bigint();
                outgoing.destroy();
                resolve(at);
              },
              () => undefined,
            ),
          );
        }).on('error', reject);
      }),
  };
}

/**
 * Reads the plain body of `{root}/api/chat` with `node:http`, adding up what `measure` says of
 * each chunk.
 */
function bareBodyClient(root: string, measure: (chunk: Buffer) => number): BodyClient {
  const url = `${root}/api/chat`;
  return {
    read: () =>
      new Promise((resolve, reject) => {
        let length = 0;
        post(url, '{}', (response) => {
          response.on('data', (chunk: Buffer) => (length += measure(chunk)));
          response.once('end', () => {
            resolve(length);
          });
          response.once('error', reject);
        }).once('error', reject);
      }),
  };
}

/**
 * The limit for a plain body: `node:http`, counting the bytes.
 *
 * @param root - the server root (`{root}/api/chat`).
 * @returns the client.
 */
export function bareHttpBodyClient(root: string): BodyClient {
  return bareBodyClient(root, (chunk) => chunk.length);
}

/**
 * The limit for a client that decodes text: `node:http` and one streaming `TextDecoder`,
 * counting the UTF-16 code units.
 *
 * @param root - the server root (`{root}/api/chat`).
 * @returns the client.
 */
export function bareHttpTextClient(root: string): BodyClient {
  const url = `${root}/api/chat`;
  return {
    read: () =>
      new Promise((resolve, reject) => {
        const decoder = new TextDecoder();
        let length = 0;
        post(url, '{}', (response) => {
          response.on('data', (chunk: Buffer) => {
            length += decoder.decode(chunk, { stream: true }).length;
          });
          response.once('end', () => {
            resolve(length + decoder.decode().length);
          });
          response.once('error', reject);
        }).once('error', reject);
      }),
  };
}

/**
 * Bare http making a string of each chunk with `buffer.toString('latin1')`: a plain copy, the
 * least any client that gives text must spend. Right for ASCII only (for other text its strings are
 * wrong), so it runs on the ASCII body alone, as the floor a decoder cannot go under.
 *
 * @param root - the server root (`{root}/api/chat`).
 * @returns the client.
 */
export function bareHttpLatin1Client(root: string): BodyClient {
  return bareBodyClient(root, (chunk) => chunk.toString('latin1').length);
}
