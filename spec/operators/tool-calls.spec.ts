import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { completeToolCalls } from '../../lib/events/complete-tool-calls.js';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { toolCalls } from '../../lib/operators/tool-calls.js';
import { collectCompleted } from '../support/collect.js';

describe('toolCalls()', () => {
  it('gives the complete calls of a reply, ready for an assistant message', async () => {
    const events: CompletionEvent[] = [
      { type: 'text-delta', text: 'Let me check.' },
      {
        type: 'tool-call-delta',
        index: 0,
        id: 'call_1',
        name: 'weather',
        argumentsDelta: '{"city":',
      },
      { type: 'tool-call-delta', index: 1, id: 'call_2', name: 'time', argumentsDelta: '' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Oslo"}' },
      { type: 'finish', reason: 'tool_calls' },
    ];
    const calls = await collectCompleted(from(events).pipe(completeToolCalls('Test'), toolCalls()));
    expect(calls).toEqual([
      { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}', input: { city: 'Oslo' } },
      { id: 'call_2', name: 'time', arguments: '', input: {} },
    ]);
  });

  it('gives nothing for a reply without calls', async () => {
    const events: CompletionEvent[] = [
      { type: 'text-delta', text: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ];
    expect(await collectCompleted(from(events).pipe(toolCalls()))).toEqual([]);
  });
});
