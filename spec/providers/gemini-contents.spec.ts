import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type Messages } from '../../lib/index.js';
import { geminiConversation } from '../../lib/providers/gemini/gemini-contents.js';
import { geminiImagePart } from '../../lib/providers/gemini/gemini-image-part.js';
import { geminiGenerationConfig } from '../../lib/providers/gemini/gemini-request-fields.js';

const refusal = (run: () => unknown): InvalidRequestError | undefined => {
  try {
    run();
  } catch (error) {
    if (InvalidRequestError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
};

describe('geminiConversation', () => {
  it('maps every message shape to contents and systemInstruction', () => {
    const messages: Messages = [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in' },
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          { type: 'image', url: 'https://example.com/cat.JPG' },
        ],
      },
      {
        role: 'assistant',
        content: 'Let me look.',
        toolCalls: [
          { id: 'c1', name: 'look', arguments: '{"deep":true}' },
          { id: 'c2', name: 'zoom', arguments: '' },
        ],
      },
      { role: 'tool', toolCallId: 'c1', content: '{"seen":"cat"}' },
      { role: 'tool', toolCallId: 'c2', content: 'zoomed' },
      { role: 'assistant', content: 'A cat.' },
    ];
    expect(geminiConversation(messages, 'Option prompt.', 'Gemini')).toEqual({
      systemInstruction: { parts: [{ text: 'Option prompt.' }, { text: 'Be brief.' }] },
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'What is in' },
            { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
            { fileData: { fileUri: 'https://example.com/cat.JPG', mimeType: 'image/jpeg' } },
          ],
        },
        {
          role: 'model',
          parts: [
            { text: 'Let me look.' },
            { functionCall: { id: 'c1', name: 'look', args: { deep: true } } },
            { functionCall: { id: 'c2', name: 'zoom', args: {} } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { id: 'c1', name: 'look', response: { seen: 'cat' } } },
            { functionResponse: { id: 'c2', name: 'zoom', response: { output: 'zoomed' } } },
          ],
        },
        { role: 'model', parts: [{ text: 'A cat.' }] },
      ],
    });
  });

  it('an assistant that only called tools sends no empty text part', () => {
    const { contents } = geminiConversation(
      [{ role: 'assistant', content: '', toolCalls: [{ id: 'x', name: 'f', arguments: '{}' }] }],
      undefined,
      'Gemini',
    );
    expect(contents).toEqual([
      { role: 'model', parts: [{ functionCall: { id: 'x', name: 'f', args: {} } }] },
    ]);
  });

  it('refuses a tool result that answers no earlier call, naming its toolCallId', () => {
    const error = refusal(() =>
      geminiConversation([{ role: 'tool', toolCallId: 'nope', content: '1' }], undefined, 'Gemini'),
    );
    expect(error?.field).toBe('messages[0].toolCallId');
  });

  it('refuses arguments that are not a JSON object', () => {
    const error = refusal(() =>
      geminiConversation(
        [{ role: 'assistant', content: '', toolCalls: [{ id: 'x', name: 'f', arguments: '[1]' }] }],
        undefined,
        'Gemini',
      ),
    );
    expect(error?.field).toBe('messages[0].toolCalls[0].arguments');
  });

  it('refuses an image in a system message', () => {
    const error = refusal(() =>
      geminiConversation(
        [{ role: 'system', content: [{ type: 'image', url: 'https://example.com/a.png' }] }],
        undefined,
        'Gemini',
      ),
    );
    expect(error?.field).toBe('messages[0].content[0]');
  });
});

describe('geminiImagePart', () => {
  it('leaves mimeType out for an https URL without a known extension (a Files API URI)', () => {
    const uri = 'https://generativelanguage.googleapis.com/v1beta/files/abc123';
    expect(geminiImagePart(uri, 'Gemini', 'url')).toEqual({ fileData: { fileUri: uri } });
  });

  it('refuses a data: URL that is not base64, and an http: URL', () => {
    expect(refusal(() => geminiImagePart('data:image/png,%89PNG', 'Gemini', 'u'))?.reason).toMatch(
      /base64/,
    );
    expect(refusal(() => geminiImagePart('http://example.com/a.png', 'Gemini', 'u'))?.field).toBe(
      'u',
    );
  });
});

describe('geminiGenerationConfig', () => {
  it('asks for JSON with the schema as responseJsonSchema', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(geminiGenerationConfig({ responseFormat: { type: 'json', schema } }, 'Gemini')).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
    expect(geminiGenerationConfig({ responseFormat: { type: 'json' } }, 'Gemini')).toEqual({
      responseMimeType: 'application/json',
    });
    expect(geminiGenerationConfig({}, 'Gemini')).toBeUndefined();
  });
});
