import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { describeValue } from '../validation/describe-value.js';
import type { RunToolsRequest } from './run-tools-request.js';

/** The name `InvalidRequestError`s of `runTools` give as their provider. */
const RUN_TOOLS = 'runTools';

const refuse = (field: string, reason: string): InvalidRequestError =>
  new InvalidRequestError({ provider: RUN_TOOLS, field, reason });

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkTools(tools: unknown): void {
  if (!isRecord(tools)) {
    throw refuse('tools', `must be an object of tools by name, got ${describeValue(tools)}`);
  }
  for (const [name, tool] of Object.entries(tools)) {
    const field = `tools.${name}`;
    if (!isRecord(tool)) {
      throw refuse(
        field,
        `must be an object with parameters and execute, got ${describeValue(tool)}`,
      );
    }
    if (typeof tool['execute'] !== 'function') {
      throw refuse(`${field}.execute`, `must be a function, got ${describeValue(tool['execute'])}`);
    }
    if (!isRecord(tool['parameters'])) {
      const got = describeValue(tool['parameters']);
      throw refuse(`${field}.parameters`, `must be a JSON Schema object, got ${got}`);
    }
    const description = tool['description'];
    if (description !== undefined && typeof description !== 'string') {
      throw refuse(`${field}.description`, `must be a string, got ${describeValue(description)}`);
    }
  }
}

/**
 * Checks what only `runTools` reads — `tools`, `maxSteps`, `onToolError` — and that exactly one
 * of `prompt` and `messages` (an array) is given; each message, and the rest, is the facade's to
 * check, on the first request.
 *
 * @param request - what the caller passed.
 * @throws InvalidRequestError naming the field and the rule it breaks.
 * @internal
 */
export function checkRunToolsRequest(request: unknown): asserts request is RunToolsRequest {
  if (!isRecord(request)) {
    throw refuse('request', `must be an object, got ${describeValue(request)}`);
  }
  checkTools(request['tools']);
  const { maxSteps, onToolError } = request;
  if (maxSteps !== undefined && !(Number.isSafeInteger(maxSteps) && Number(maxSteps) > 0)) {
    throw refuse('maxSteps', `must be a positive integer, got ${describeValue(maxSteps)}`);
  }
  if (onToolError !== undefined && onToolError !== 'continue' && onToolError !== 'stop') {
    throw refuse('onToolError', `must be "continue" or "stop", got ${describeValue(onToolError)}`);
  }
  const { prompt, messages } = request;
  if (prompt !== undefined && messages !== undefined) {
    throw refuse('prompt', 'cannot be given with messages: pass one or the other');
  }
  if (prompt === undefined && !Array.isArray(messages)) {
    throw refuse(
      'messages',
      `must be an array of messages (or give prompt), got ${describeValue(messages)}`,
    );
  }
}
