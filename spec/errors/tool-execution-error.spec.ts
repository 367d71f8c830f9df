import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodeFor } from '../../lib/cli/exit-codes.js';
import { CompletionError } from '../../lib/errors/completion-error.js';
import { ToolExecutionError } from '../../lib/errors/tool-execution-error.js';

describe('ToolExecutionError', () => {
  const cause = new Error('City not found');
  const error = new ToolExecutionError({
    toolName: 'weather',
    toolCallId: 'call_1',
    reason: 'failed',
    detail: 'the tool "weather" failed: City not found',
    cause,
  });

  it('is a CompletionError with code TOOL_EXECUTION, its fields and cause', () => {
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(ToolExecutionError.isInstance(error)).toBe(true);
    expect(ToolExecutionError.isInstance(new Error('plain'))).toBe(false);
    expect(error).toMatchObject({
      name: 'ToolExecutionError',
      code: 'TOOL_EXECUTION',
      toolName: 'weather',
      toolCallId: 'call_1',
      reason: 'failed',
      cause,
      message: 'Tool call call_1 (weather): the tool "weather" failed: City not found',
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      code: 'TOOL_EXECUTION',
      reason: 'failed',
    });
  });

  it('is recognised across copies of the package', () => {
    const foreign = {
      [Symbol.for('rx-completions.CompletionError')]: true,
      code: 'TOOL_EXECUTION',
    };
    expect(ToolExecutionError.isInstance(foreign)).toBe(true);
  });

  it('exits the CLI with the code of other failures', () => {
    expect(exitCodeFor(error)).toBe(EXIT_CODES.other);
  });
});
