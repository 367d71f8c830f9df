import { Subject, from } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type DecodeTextModule = typeof import('../../lib/decode/decode-text.js');
type LoaderModule = typeof import('../../lib/decode/names/load-unicode-name-lookup.js');

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

let decodeText: DecodeTextModule['decodeText'];
let loader: LoaderModule;

/** Fresh modules for each test, so that each starts with the name table not loaded. */
async function importFresh() {
  vi.resetModules();
  ({ decodeText } = await import('../../lib/decode/decode-text.js'));
  loader = await import('../../lib/decode/names/load-unicode-name-lookup.js');
}

/** Records what a subscription receives. */
function record() {
  const events: string[] = [];
  const observer = {
    next: (text: string) => events.push(`next ${text}`),
    error: (error: unknown) => events.push(`error ${String(error)}`),
    complete: () => events.push('complete'),
  };
  return { events, observer };
}

/** Waits for the name table's load (or its failure), then for decodeText's callbacks. */
async function settle() {
  await loader.loadUnicodeNameLookup().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the \\N{...} name table', () => {
  beforeEach(importFresh);
  afterEach(() => {
    vi.doUnmock('../../lib/decode/names/unicode-name-table.js');
  });

  it('is not loaded for streams without a \\N{...} escape to resolve', () => {
    const { events, observer } = record();
    from([
      utf8('UTF-8 \\N{EM DASH} stays text'),
      latin1('\xff \\u20ac \\\\N{EM DASH} \\N{} \\N'),
      latin1('x \\N{EM'),
    ])
      .pipe(decodeText({ errors: 'replace' }))
      .subscribe(observer);
    expect(events).toEqual([
      'next UTF-8 \\N{EM DASH} stays text',
      'next ÿ € \\N{EM DASH} \ufffd} ', // the trailing `\N` waits for the next chunk
      'next \ufffdx ', // `\Nx` is malformed
      'next \ufffd',
      'complete',
    ]);
    expect(loader.unicodeNameLookupState()).toBe('unloaded');
  });

  it('is not loaded for \\N{...} names longer than any: unknown without a look', () => {
    const { events, observer } = record();
    const name = 'A'.repeat(300);
    from([latin1(`\xff \\N{${name}} \\N{${name.slice(0, 100)}`), latin1(`${name}}!`)])
      .pipe(decodeText({ errors: 'replace' }))
      .subscribe(observer);
    expect(events).toEqual(['next ÿ \ufffd ', 'next \ufffd!', 'complete']);
    expect(loader.unicodeNameLookupState()).toBe('unloaded');
  });

  it('loads when a \\N{...} escape needs it, and emits the chunks that came meanwhile in order', async () => {
    const { events, observer } = record();
    from([
      latin1('\xe0 '),
      latin1('\xe1 \\N{BOM}\\N{greek small letter alpha}'),
      latin1('\xe2 '),
      utf8('é'),
    ])
      .pipe(decodeText())
      .subscribe(observer);
    expect(events).toEqual(['next à ']);
    expect(loader.unicodeNameLookupState()).toBe('loading');
    await settle();
    expect(loader.unicodeNameLookupState()).toBe('loaded');
    expect(events).toEqual(['next à ', 'next á \ufeffα', 'next â ', 'next é', 'complete']);
  });

  it('keeps the U+FFFD of a skipped name before the text that waits for the table', async () => {
    const { events, observer } = record();
    from([latin1(`\xff\\N{${'A'.repeat(300)}`), latin1('A}\\N{EM DASH}'), utf8('é')])
      .pipe(decodeText({ errors: 'replace' }))
      .subscribe(observer);
    expect(events).toEqual(['next ÿ']);
    await settle();
    expect(events).toEqual(['next ÿ', 'next \ufffd—', 'next é', 'complete']);
  });

  it('delivers an error of the source after the text that came before it', async () => {
    const source = new Subject<Uint8Array>();
    const { events, observer } = record();
    source.pipe(decodeText()).subscribe(observer);
    source.next(latin1('\xff\\N{LF}'));
    source.next(utf8('ok'));
    source.error(new Error('reset'));
    expect(events).toEqual([]);
    await settle();
    expect(events).toEqual(['next ÿ\n', 'next ok', 'error Error: reset']);
  });

  it('keeps the order when the consumer feeds the source while the queue is replayed', async () => {
    const source = new Subject<Uint8Array>();
    const texts: string[] = [];
    source.pipe(decodeText()).subscribe((text) => {
      texts.push(text);
      if (text === 'ÿ—') source.next(utf8(' re-entrant'));
    });
    source.next(latin1('\xff\\N{EM DASH}'));
    source.next(utf8(' queued'));
    await settle();
    expect(texts).toEqual(['ÿ—', ' queued', ' re-entrant']);
  });

  it('leaves nothing behind when unsubscribed while it loads: no late emission, no error', async () => {
    const source = new Subject<Uint8Array>();
    const { events, observer } = record();
    const subscription = source.pipe(decodeText()).subscribe(observer);
    source.next(latin1('\xff\\N{EM DASH}'));
    source.next(utf8('later'));
    expect(loader.unicodeNameLookupState()).toBe('loading');
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    await settle();
    expect(loader.unicodeNameLookupState()).toBe('loaded');
    expect(events).toEqual([]);
  });

  it('errors the stream when the table fails to load, and retries on the next stream', async () => {
    vi.doMock('../../lib/decode/names/unicode-name-table.js', () => {
      throw new Error('chunk failed to load');
    });
    await importFresh();
    const { events, observer } = record();
    from([latin1('\xff\\N{EM DASH}')])
      .pipe(decodeText())
      .subscribe(observer);
    await settle();
    expect(events).toEqual([expect.stringMatching(/^error /)]);
    expect(loader.unicodeNameLookupState()).toBe('unloaded');

    vi.doUnmock('../../lib/decode/names/unicode-name-table.js');
    const retry = record();
    from([latin1('\xff\\N{EM DASH}')])
      .pipe(decodeText())
      .subscribe(retry.observer);
    await settle();
    expect(retry.events).toEqual(['next ÿ—', 'complete']);
  });

  it('swallows a failed load when nobody is subscribed any more (no unhandled rejection)', async () => {
    vi.doMock('../../lib/decode/names/unicode-name-table.js', () => {
      throw new Error('chunk failed to load');
    });
    await importFresh();
    const { events, observer } = record();
    from([latin1('\xff\\N{EM DASH}')])
      .pipe(decodeText())
      .subscribe(observer)
      .unsubscribe();
    await settle();
    expect(events).toEqual([]);
  });
});
