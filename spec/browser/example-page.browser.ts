import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../lib/testing/index.js';
import { startBrowserExample, type BrowserExample } from '../../scripts/serve-browser-example.js';
import { ARTIFACTS_DIR, launchChromium } from './support/chromium.js';
import { readPage, recordReplyUpdates, replyUpdates } from './support/reply-recorder.js';

let browser: Browser | undefined;
let example: BrowserExample;
let context: BrowserContext | undefined;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  example = await startBrowserExample({ loopback: { delayMs: 0 } });
  await mkdir(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await example.close();
});

beforeEach(async () => {
  pageErrors = [];
  context = undefined;
  // Without Debian's chromium, every test fails (never skips) with the fix in its message.
  browser ??= await launchChromium();
  // A context per test: its own connections and its own CORS preflight cache.
  context = await browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  example.loopback.clearRequests();
  await page.goto(example.pageUrl);
  await page.waitForSelector('body[data-state=idle]');
});

afterEach(async () => {
  await context?.close();
  // Uncaught errors and unhandled rejections in the page, e.g. from an aborted fetch.
  expect(pageErrors).toEqual([]);
  await example.loopback.waitForIdle({ timeoutMs: 3000 });
});

async function chatRequest(): Promise<RecordedRequest> {
  for (;;) {
    const found = example.loopback.requests.find(({ method }) => method === 'POST');
    if (found !== undefined) return found;
    await example.loopback.waitForRequests(example.loopback.requests.length + 1);
  }
}

const screenshot = (name: string): Promise<Buffer> =>
  page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

describe('the browser example in headless Chromium (axios fetch adapter)', () => {
  it('streams the reply into the page chunk by chunk', async () => {
    const text = 'Streaming into the DOM, one chunk at a time. '.repeat(4);
    example.loopback.enqueue({ text, chunkSize: 16, delayMs: 15 });
    await recordReplyUpdates(page);
    await page.click('#send');
    await page.waitForSelector('body[data-state=done]');
    await screenshot('streamed');

    expect((await readPage(page)).reply).toBe(text);
    const updates = await replyUpdates(page);
    const beforeTheEnd = updates.filter((update) => update.text.length < text.length);
    expect(beforeTheEnd.length).toBeGreaterThan(1);
    expect(beforeTheEnd.every((update) => update.state === 'streaming')).toBe(true);
    const lengths = updates.map((update) => update.text.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(await (await chatRequest()).closed).toBe('completed');
  });

  it('renders a multi-byte character split across chunks whole, at every update', async () => {
    // 3-byte writes split the 2-byte Cyrillic, the 3-byte CJK and the 4-byte emoji.
    const text = 'Привет, мир! 你好，世界！ 👋🏽 café — done.';
    example.loopback.enqueue({ text, chunkSize: 3, delayMs: 10 });
    await recordReplyUpdates(page);
    await page.click('#send');
    await page.waitForSelector('body[data-state=done]');
    await screenshot('multi-byte');

    expect((await readPage(page)).reply).toBe(text);
    const updates = await replyUpdates(page);
    expect(updates.length).toBeGreaterThan(1);
    for (const { text: shown } of updates) {
      expect(text.startsWith(shown)).toBe(true);
      expect(shown).not.toMatch(/[\uFFFD\p{Cs}]/u); // no replacement character, no half pair
    }
  });

  it('Stop unsubscribes: the request is aborted and nothing more appears', async () => {
    const text = 'word '.repeat(400); // 400 writes, 8 s unless stopped
    example.loopback.enqueue({ text, chunkSize: 5, delayMs: 20 });
    await recordReplyUpdates(page);
    await page.click('#send');
    await page.waitForFunction(
      () => (document.querySelector('#reply')?.textContent ?? '').length > 20,
    );
    await page.click('#stop');
    const atStop = await readPage(page);
    const updatesAtStop = (await replyUpdates(page)).length;

    expect(await (await chatRequest()).closed).toBe('client-closed');
    await example.loopback.waitForIdle({ timeoutMs: 3000 });
    await page.waitForTimeout(100); // five write intervals
    const after = await readPage(page);
    expect(atStop.state).toBe('stopped');
    expect(after).toEqual(atStop);
    expect(after.reply.length).toBeLessThan(text.length);
    expect(await replyUpdates(page)).toHaveLength(updatesAtStop);
    await screenshot('stopped');
  });

  it('shows the typed error of a scripted 500', async () => {
    example.loopback.enqueue({ upstreamError: 'The model is overloaded' });
    await page.click('#send');
    await page.waitForSelector('body[data-state=error]');
    await screenshot('error');

    const { error, reply } = await readPage(page);
    expect(reply).toBe('');
    expect(error).toMatch(
      /^HttpStatusError \(HTTP_STATUS\): POST http:\/\/127\.0\.0\.1:\d+\/api\/chat \(Aivvm\) answered 500 The model is overloaded/,
    );
  });

  it('sends the Aivvm request as Chromium allows: forbidden headers are its own', async () => {
    example.loopback.enqueue({ text: 'ok' });
    await page.click('#send');
    await page.waitForSelector('body[data-state=done]');
    const request = await chatRequest();
    const preflight = example.loopback.requests.find(({ method }) => method === 'OPTIONS');

    // Passed through as set: the safelisted ones, and `referrer` (a custom header, not `Referer`),
    // which needs the CORS preflight.
    expect(request.headers).toMatchObject({
      accept: 'text/event-stream',
      'accept-language': 'en-US,en;q=0.9',
      'content-type': 'application/json',
      referrer: 'https://chat.aivvm.com/',
    });
    expect(preflight?.headers['access-control-request-headers']).toBe('content-type,referrer');
    // Forbidden request headers (Fetch §2.2.2) are dropped silently; the browser sends its own.
    expect(request.headers['content-length']).toBe(String(request.body.length));
    expect(request.headers['user-agent']).toContain('HeadlessChrome');
    expect(request.headers['user-agent']).not.toContain('axios');
    expect(request.headers['sec-ch-ua'] ?? '').not.toContain('v="117"');
    expect(request.headers['sec-fetch-site']).toBe('same-site');
    expect(request.headers['sec-gpc']).toBeUndefined();
    expect(request.headers['origin']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
