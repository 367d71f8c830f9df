import type { Page } from 'playwright-core';

/** One change of the page's `#reply`, as a `MutationObserver` saw it. */
export interface ReplyUpdate {
  /** The reply's whole text after the change. */
  readonly text: string;
  /** `body[data-state]` at that moment: `streaming` until the Observable completes. */
  readonly state: string;
}

interface RecorderWindow {
  replyUpdates?: ReplyUpdate[];
}

/**
 * Starts recording every DOM update of `#reply` in the page (a `MutationObserver`), before
 * Send is clicked.
 *
 * @param page - the example page, loaded.
 */
export async function recordReplyUpdates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const reply = document.querySelector('#reply');
    if (reply === null) throw new Error('the page has no #reply');
    const updates: ReplyUpdate[] = [];
    (window as RecorderWindow).replyUpdates = updates;
    new MutationObserver(() => {
      updates.push({ text: reply.textContent, state: document.body.dataset['state'] ?? '' });
    }).observe(reply, { childList: true, characterData: true, subtree: true });
  });
}

/**
 * The updates recorded so far.
 *
 * @param page - a page where {@link recordReplyUpdates} ran.
 * @returns every update, oldest first.
 */
export function replyUpdates(page: Page): Promise<ReplyUpdate[]> {
  return page.evaluate(() => (window as RecorderWindow).replyUpdates ?? []);
}

/**
 * The page's state and reply text now.
 *
 * @param page - the example page.
 * @returns `body[data-state]`, `#reply` and `#error`.
 */
export function readPage(page: Page): Promise<{ state: string; reply: string; error: string }> {
  return page.evaluate(() => ({
    state: document.body.dataset['state'] ?? '',
    reply: document.querySelector('#reply')?.textContent ?? '',
    error: document.querySelector('#error')?.textContent ?? '',
  }));
}
