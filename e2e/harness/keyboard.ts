/**
 * Keyboard-only driving: focus moves with Tab alone, so a test proves that every control it
 * uses can be reached without a pointer.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Presses Tab (or Shift+Tab) until `target` has focus; throws after `maxPresses`, naming what
 * had focus last.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { maxPresses?: number; backwards?: boolean } = {},
): Promise<void> {
  const { maxPresses = 60, backwards = false } = options;
  await target.waitFor({ state: 'visible' });
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab did not reach ${target} in ${maxPresses} presses; focus is on ${focused}`);
}

/** The accessible name or text of whatever has focus, for assertions and failure messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '';
    return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  });
}
