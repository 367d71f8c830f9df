import { GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gemini, type CompletionEvent } from '../../lib/index.js';
import type { ReplyScript } from '../../lib/testing/index.js';
import { collectCompleted } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const KEY = 'gm-parity-key';
const MODEL = 'gemini-2.5-flash';
const server = useLoopbackServer({ apiKey: KEY });

/** What a reply comes to, read the same way from both clients. */
interface Reading {
  readonly text: string;
  readonly reasoning: string;
  readonly calls: readonly { id: string; name: string; input: unknown }[];
  readonly usage:
    { promptTokens: number; completionTokens: number; totalTokens: number } | undefined;
}

const official = (): GoogleGenAI =>
  new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: server().url } });
const ours = (): Gemini => new Gemini({ baseURL: `${server().url}/v1beta`, apiKey: KEY });

async function readOfficial(prompt: string): Promise<Reading> {
  const stream = await official().models.generateContentStream({ model: MODEL, contents: prompt });
  let text = '';
  let reasoning = '';
  const calls: { id: string; name: string; input: unknown }[] = [];
  let last: GenerateContentResponse | undefined;
  for await (const chunk of stream) {
    for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
      if (part.functionCall) {
        // The official client gives no id where Gemini gives none; ours names it call_<index>.
        const id = part.functionCall.id ?? `call_${String(calls.length)}`;
        calls.push({ id, name: part.functionCall.name ?? '', input: part.functionCall.args ?? {} });
      } else if (part.thought === true) reasoning += part.text ?? '';
      else text += part.text ?? '';
    }
    last = chunk;
  }
  const usage = last?.usageMetadata;
  return {
    text,
    reasoning,
    calls,
    usage: usage && {
      promptTokens: usage.promptTokenCount ?? 0,
      completionTokens: (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0),
      totalTokens: usage.totalTokenCount ?? 0,
    },
  };
}

async function readOurs(prompt: string): Promise<Reading> {
  const events: CompletionEvent[] = await collectCompleted(
    ours().createCompletionEvents(MODEL, [{ role: 'user', content: prompt }], true),
  );
  const joined = (type: 'text-delta' | 'reasoning-delta'): string =>
    events.map((event) => (event.type === type ? event.text : '')).join('');
  const usage = events.find((event) => event.type === 'usage');
  return {
    text: joined('text-delta'),
    reasoning: joined('reasoning-delta'),
    calls: events.flatMap((event) =>
      event.type === 'tool-call' ? [{ id: event.id, name: event.name, input: event.input }] : [],
    ),
    usage: usage?.usage,
  };
}

async function bothRead(script: ReplyScript, prompt = 'Hello there'): Promise<[Reading, Reading]> {
  server().enqueue(script, script);
  const theirs = await readOfficial(prompt);
  const mine = await readOurs(prompt);
  return [theirs, mine];
}

const SCRIPTS: Readonly<Record<string, ReplyScript>> = {
  text: { text: 'Grüße, 世界 👋 — plain text\nover lines' },
  reasoning: { reasoning: 'Let me think… 🤔 carefully', text: 'The answer is 42.' },
  'tool calls': {
    text: 'Calling.',
    toolCalls: [
      { id: 'fc_1', name: 'get_weather', arguments: '{"city":"Zürich","days":[1,2]}' },
      { name: 'get_time', arguments: '{}' },
    ],
  },
};

describe('parity with @google/genai on the same scripted streams', () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    for (const chunkSize of [1, 2, 5, 17, undefined]) {
      it(`${name}, split every ${String(chunkSize ?? 'event')} bytes: same text, thoughts, calls, usage`, async () => {
        const [theirs, mine] = await bothRead({ ...script, ...(chunkSize ? { chunkSize } : {}) });
        expect(mine).toEqual(theirs);
        expect(mine.text.length + mine.calls.length).toBeGreaterThan(0);
      });
    }
  }

  it('the default reply, and random texts cut at random sizes, read the same', async () => {
    const [theirs, mine] = await bothRead({});
    expect(mine).toEqual(theirs);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 40 }),
        async (text, chunkSize) => {
          const [a, b] = await bothRead({ text, reasoning: 'hm', chunkSize });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('the request each client sends for the same call', () => {
  it('matches: path, key header (never in the URL), and the JSON body', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const answer = { type: 'object', properties: { ok: { type: 'boolean' } } };
    server().enqueue({ text: 'x' }, { text: 'x' });
    const stream = await official().models.generateContentStream({
      model: MODEL,
      contents: [{ role: 'user', parts: [{ text: 'Weather?' }] }],
      config: {
        systemInstruction: 'Be brief.',
        temperature: 0.3,
        maxOutputTokens: 50,
        stopSequences: ['END'],
        responseMimeType: 'application/json',
        responseJsonSchema: answer,
        thinkingConfig: { includeThoughts: true, thinkingBudget: 128 },
        tools: [
          {
            functionDeclarations: [
              { name: 'get_weather', description: 'Weather', parametersJsonSchema: schema },
            ],
          },
        ],
        toolConfig: {
          functionCallingConfig: { mode: 'ANY' as never, allowedFunctionNames: ['get_weather'] },
        },
      },
    });
    const received: GenerateContentResponse[] = [];
    for await (const chunk of stream) received.push(chunk);
    expect(received.length).toBeGreaterThan(0);
    await collectCompleted(
      ours().createCompletionEvents(MODEL, [{ role: 'user', content: 'Weather?' }], true, {
        systemMessage: 'Be brief.',
        temperature: 0.3,
        maxTokens: 50,
        stop: ['END'],
        responseFormat: { type: 'json', schema: answer },
        thinking: { budget: 128 },
        tools: [{ name: 'get_weather', description: 'Weather', parameters: schema }],
        toolChoice: { name: 'get_weather' },
      }),
    );
    const [theirs, mine] = server().requests;
    expect(mine?.path).toBe(theirs?.path);
    expect(mine?.path).toBe(`/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`);
    for (const request of [theirs, mine]) {
      expect(request?.headers['x-goog-api-key']).toBe(KEY);
      expect(request?.path).not.toContain(KEY);
      expect(request?.headers['content-type']).toMatch(/^application\/json/);
    }
    // The official client adds `user-agent` and `x-goog-api-client` (its own version); the
    // system instruction's content gets `role: 'user'` from it, which the API ignores.
    const theirBody = theirs?.json() as { systemInstruction?: { role?: string } };
    expect(theirBody.systemInstruction?.role).toBe('user');
    delete theirBody.systemInstruction?.role;
    expect(mine?.json()).toEqual(theirBody);
  });
});
