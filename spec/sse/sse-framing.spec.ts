import { from, lastValueFrom, toArray, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { StreamError } from '../../lib/errors/stream-error.js';
import { chatChunkEvents } from '../../lib/providers/openai-compatible/chat-chunk-events.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { decodeUtf8 } from '../../lib/sse/decode-utf8.js';
import { parseServerSentEvents } from '../../lib/sse/parse-server-sent-events.js';
import { collect } from '../support/collect.js';

const encoder = new TextEncoder();
const delta = (content: string): string =>
  JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] });

function events(chunks: readonly Uint8Array[], maxEventSize?: number): Observable<CompletionEvent> {
  return from(chunks).pipe(
    decodeUtf8(),
    parseServerSentEvents({ provider: 'Test', ...(maxEventSize ? { maxEventSize } : {}) }),
    chatChunkEvents('Test'),
  );
}

/** Every way to cut `bytes` in two, plus one byte per chunk. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const cuts = Array.from({ length: bytes.length + 1 }, (_, at) => [
    bytes.subarray(0, at),
    bytes.subarray(at),
  ]);
  return [...cuts, Array.from(bytes, (byte) => Uint8Array.of(byte))];
}

async function textOf(chunks: readonly Uint8Array[]): Promise<string> {
  const all = await lastValueFrom(events(chunks).pipe(toArray()));
  return all.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

const stream = [
  ': a comment the parser must skip\r\n',
  `data: ${delta('Привет')}\r\n\r\n`,
  `data: ${delta(', 👋🏽')}\n\n`,
  'event: message\n',
  `data: ${delta(' мир')}\r\r`,
  'data: {"choices":[{"index":0,\ndata: "delta":{"content":"!"}}]}\n\n',
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
  `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } })}\n\n`,
  'data: [DONE]\n\n',
].join('');

describe('SSE framing of an OpenAI-compatible stream', () => {
  it('reads CRLF, LF and CR line ends, comments and multi-line data', async () => {
    const all = await lastValueFrom(events([encoder.encode(stream)]).pipe(toArray()));
    expect(all).toEqual([
      { type: 'text-delta', text: 'Привет' },
      { type: 'text-delta', text: ', 👋🏽' },
      { type: 'text-delta', text: ' мир' },
      { type: 'text-delta', text: '!' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 5, completionTokens: 4, totalTokens: 9 } },
    ]);
  });

  it('gives the same text for a stream split at every byte, multi-byte characters included', async () => {
    const bytes = encoder.encode(stream);
    for (const chunks of splits(bytes)) {
      expect(await textOf(chunks)).toBe('Привет, 👋🏽 мир!');
    }
  });

  it('completes at data: [DONE], ignoring what follows', async () => {
    const text = `data: ${delta('a')}\n\ndata: [DONE]\n\ndata: ${delta('b')}\n\n`;
    expect(await textOf([encoder.encode(text)])).toBe('a');
  });

  it('dispatches the last event of a CR-only stream ending data: [DONE]\r\r, split anywhere', async () => {
    const bytes = encoder.encode(
      `data: ${delta('one')}\r\rdata: ${delta(' two')}\r\rdata: [DONE]\r\r`,
    );
    for (const chunks of splits(bytes)) {
      const result = await collect(events(chunks));
      expect(result.error).toBeUndefined();
      expect(result.completed).toBe(true);
      expect(result.values.map((event) => (event.type === 'text-delta' ? event.text : ''))).toEqual(
        ['one', ' two'],
      );
    }
  });

  it('still drops an incomplete last event at the end of the body (no blank line after it)', async () => {
    for (const end of ['\r', '\n', '\r\n']) {
      const result = await collect(
        events([encoder.encode(`data: ${delta('a')}\n\ndata: [DONE]${end}`)]),
      );
      expect(result.error, JSON.stringify(end)).toMatchObject({ kind: 'truncated' });
    }
  });

  it('errors with StreamError (truncated) when the body ends without [DONE], after the text', async () => {
    const result = await collect(events([encoder.encode(`data: ${delta('cut')}\n\n`)]));
    expect(result.values).toEqual([{ type: 'text-delta', text: 'cut' }]);
    expect(StreamError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ kind: 'truncated' });
  });

  it('errors with StreamError (server-error) for an error object in the stream, after the text', async () => {
    const text = `data: ${delta('partial')}\n\ndata: {"error":{"message":"model overloaded","type":"server_error"}}\n\n`;
    const result = await collect(events([encoder.encode(text)]));
    expect(result.values).toEqual([{ type: 'text-delta', text: 'partial' }]);
    expect(result.error).toMatchObject({ kind: 'server-error', detail: 'model overloaded' });
  });

  it('errors with StreamError (invalid-json) for a data line that is not JSON, after the text', async () => {
    const text = `data: ${delta('ok')}\n\ndata: {not json\n\n`;
    const result = await collect(events([encoder.encode(text)]));
    expect(result.values).toEqual([{ type: 'text-delta', text: 'ok' }]);
    expect(result.error).toMatchObject({ kind: 'invalid-json', excerpt: '{not json' });
  });

  it('errors with StreamError (event-too-large) instead of buffering an endless line', async () => {
    const line = encoder.encode(`data: ${'x'.repeat(10_000)}`);
    const result = await collect(events([encoder.encode(`data: ${delta('a')}\n\n`), line], 4096));
    expect(result.values).toEqual([{ type: 'text-delta', text: 'a' }]);
    expect(result.error).toMatchObject({ kind: 'event-too-large' });
  });
});
