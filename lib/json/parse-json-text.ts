import { JsonParseError } from '../errors/json-parse-error.js';
import { PartialJsonParser } from './partial-json-parser.js';

const FENCED = /^\s*```[\w-]*[^\S\n]*\n([\s\S]*?)\n?```\s*$/;

/**
 * Parses a whole reply as one JSON document (RFC 8259). A reply wrapped in a Markdown code fence
 * (```` ```json … ``` ````), as models often write one, is read from inside the fence.
 *
 * @param text - the whole reply.
 * @returns the value.
 * @throws JsonParseError with the offset of the first offending character.
 * @internal
 */
export function parseJsonText(text: string): unknown {
  const json = FENCED.exec(text)?.[1] ?? text;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // JSON.parse's messages differ between engines: the incremental parser names the place.
    const parser = new PartialJsonParser();
    parser.feed(json);
    parser.end();
    throw new JsonParseError('not JSON', 0);
  }
}
