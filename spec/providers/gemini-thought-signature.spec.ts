import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Gemini, runTools, toolCalls, type ToolCallEvent } from '../../lib/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const KEY = 'gm-secret-key-123';
const server = useLoopbackServer({ apiKey: KEY });
const gemini = (): Gemini => new Gemini({ baseURL: `${server().url}/v1beta`, apiKey: KEY });
const weather = {
  name: 'weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};

interface SentPart {
  readonly functionCall?: { readonly name: string };
  readonly thoughtSignature?: string;
}

describe("Gemini's thought signatures go back with their calls", () => {
  it('reads a functionCall part’s thoughtSignature into the tool-call event and toolCalls()', async () => {
    server().enqueue({
      toolCalls: [{ name: 'weather', arguments: '{"city":"Oslo"}', signature: 'sig-Oslo==' }],
    });
    const events = await lastValueFrom(
      gemini()
        .createCompletionEvents('gemini-3-pro', [{ role: 'user', content: 'Oslo?' }], true, {
          tools: [weather],
        })
        .pipe(toArray()),
    );
    const call = events.find((event): event is ToolCallEvent => event.type === 'tool-call');
    expect(call).toMatchObject({
      name: 'weather',
      input: { city: 'Oslo' },
      signature: 'sig-Oslo==',
    });
    server().enqueue({
      toolCalls: [{ name: 'weather', arguments: '{}', signature: 'sig-2' }],
    });
    const [parsed] = await lastValueFrom(
      gemini()
        .createCompletionEvents('gemini-3-pro', [{ role: 'user', content: 'Oslo?' }], true, {
          tools: [weather],
        })
        .pipe(toolCalls(), toArray()),
    );
    expect(parsed?.signature).toBe('sig-2');
  });

  it('runTools sends each signature back beside its functionCall in the next request', async () => {
    server().enqueue({
      toolCalls: [{ name: 'weather', arguments: '{"city":"Oslo"}', signature: 'sig-Oslo==' }],
    });
    server().enqueue({ text: 'It is 4 °C in Oslo.' });
    const events = await lastValueFrom(
      runTools({
        model: 'gemini-3-pro',
        prompt: 'Weather in Oslo?',
        provider: gemini(),
        tools: {
          weather: { parameters: weather.parameters, execute: () => ({ celsius: 4 }) },
        },
      }).pipe(toArray()),
    );
    const steps = events.flatMap((event) => (event.type === 'step' ? [event] : []));
    expect(steps.map((step) => step.final)).toEqual([false, true]);
    const second = server().requests[1]?.json() as {
      contents: { role: string; parts: SentPart[] }[];
    };
    const modelTurn = second.contents.find((content) => content.role === 'model');
    expect(modelTurn?.parts).toContainEqual(
      expect.objectContaining({
        functionCall: expect.objectContaining({ name: 'weather' }),
        thoughtSignature: 'sig-Oslo==',
      }),
    );
  });

  it('refuses a signature that is not a string, before any request', async () => {
    const error: unknown = await lastValueFrom(
      gemini().createCompletion(
        'gemini-3-pro',
        [
          { role: 'user', content: 'Oslo?' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              { id: 'c1', name: 'weather', arguments: '{}', signature: 7 as unknown as string },
            ],
          },
          { role: 'tool', toolCallId: 'c1', content: '{"celsius":4}' },
        ],
        true,
      ),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      field: 'messages[1].toolCalls[0].signature',
    });
    expect(server().requests).toHaveLength(0);
  });
});
