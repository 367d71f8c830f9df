import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { within } from './support/cli-process.js';
import { killPtyClis, startPtyCli } from './support/pty-cli.js';
import { useCliServer } from './support/use-cli-server.js';

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});
afterEach(() => {
  killPtyClis();
});

const PROMPT = '\n> ';

/** The messages of the n-th request (Aivvm's body), once it has come. */
function messagesOf(index: number): unknown {
  return (server.requests[index]!.json() as { messages: unknown }).messages;
}

describe('rx-completions chat on a terminal (a pseudo-terminal)', () => {
  it('streams each reply and sends the whole conversation; /model switches, /reset forgets; Ctrl-D leaves with 0', async () => {
    const chat = startPtyCli(['chat', '--base-url', server.url]);
    let at = await chat.waitFor('> ');
    server.enqueue({ text: 'First reply.', chunkSize: 3, delayMs: 20 });
    chat.type('Hi there\r');
    at = await chat.waitFor(`First reply.${PROMPT}`, at);
    server.enqueue({ text: 'Second reply.' });
    chat.type('And again\r');
    at = await chat.waitFor(`Second reply.${PROMPT}`, at);
    expect(messagesOf(1)).toEqual([
      { role: 'user', content: 'Hi there' },
      { role: 'assistant', content: 'First reply.' },
      { role: 'user', content: 'And again' },
    ]);

    chat.type('/model gpt-4\r');
    at = await chat.waitFor(`(model: gpt-4)${PROMPT}`, at);
    chat.type('/reset\r');
    at = await chat.waitFor(`(conversation cleared)${PROMPT}`, at);
    server.enqueue({ text: 'Third.' });
    chat.type('Fresh start\r');
    await chat.waitFor(`Third.${PROMPT}`, at);
    expect(messagesOf(2)).toEqual([{ role: 'user', content: 'Fresh start' }]);
    expect(server.requests[2]!.json()).toMatchObject({ model: { id: 'gpt-4' } });
    expect(server.requests[1]!.json()).toMatchObject({ model: { id: 'gpt-3.5-turbo' } });

    chat.type('\x04');
    expect(await chat.exit()).toBe(0);
    expect(server.requests).toHaveLength(3);
  });

  it('Ctrl-C stops a reply (the request is aborted) and the chat goes on with what came of it', async () => {
    const chat = startPtyCli(['chat', '--base-url', server.url]);
    let at = await chat.waitFor('> ');
    server.enqueue({ text: 'one two three four five six seven eight', chunkSize: 4, delayMs: 250 });
    chat.type('Count\r');
    at = await chat.waitFor('one ', at);
    chat.type('\x03');
    at = await chat.waitFor(`[stopped]${PROMPT}`, at);
    expect(await within(server.requests[0]!.closed, 5_000, 'the request to close')).toBe(
      'client-closed',
    );

    server.enqueue({ text: 'ok' });
    chat.type('Go on\r');
    await chat.waitFor(`ok${PROMPT}`, at);
    const [question, partial, next] = messagesOf(1) as { role: string; content: string }[];
    expect(question).toEqual({ role: 'user', content: 'Count' });
    expect(partial?.role).toBe('assistant');
    expect(partial?.content).toMatch(/^one /);
    expect('one two three four five six seven eight'.startsWith(partial!.content)).toBe(true);
    expect(partial!.content.length).toBeLessThan('one two three four five six seven eight'.length);
    expect(next).toEqual({ role: 'user', content: 'Go on' });
  });

  it('Ctrl-C clears a line typed; at an empty prompt, the second Ctrl-C leaves with 130', async () => {
    const chat = startPtyCli(['chat', '--base-url', server.url]);
    let at = await chat.waitFor('> ');
    chat.type('never sent');
    at = await chat.waitFor('never sent', at);
    chat.type('\x03');
    at = await chat.waitFor(`^C${PROMPT}`, at);
    server.enqueue({ text: 'answer' });
    chat.type('sent\r');
    at = await chat.waitFor(`answer${PROMPT}`, at);
    expect(messagesOf(0)).toEqual([{ role: 'user', content: 'sent' }]);

    chat.type('\x03');
    await chat.waitFor(`(to leave, press Ctrl-C again or Ctrl-D)${PROMPT}`, at);
    chat.type('\x03');
    expect(await chat.exit()).toBe(130);
    expect(server.requests).toHaveLength(1);
  });
});
