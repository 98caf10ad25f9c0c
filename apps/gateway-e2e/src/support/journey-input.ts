import type { Locator, Page } from 'playwright-core';

/**
 * How a journey's person operates the page: with a pointer (clicks, fills) or with the keyboard only (Tab, Shift+Tab,
 * Enter, Space, arrow keys, typing into the focused field). The journey's steps are written once against this.
 */
export interface JourneyInput {
  readonly keyboardOnly: boolean;
  /** Follows a link or presses a button. */
  activate(target: Locator): Promise<void>;
  /** Replaces what a text field holds. */
  fill(target: Locator, text: string): Promise<void>;
  /** Types into a field and presses Enter, as a tag input takes a new tag. */
  enter(target: Locator, text: string): Promise<void>;
  /** Selects a radio button. */
  choose(target: Locator): Promise<void>;
  /** Puts focus into a field (the keyboard's focus may already be there). */
  focus(target: Locator): Promise<void>;
}

export function pointerInput(): JourneyInput {
  return {
    keyboardOnly: false,
    activate: (target) => target.click(),
    fill: (target, text) => target.fill(text),
    enter: async (target, text) => {
      await target.fill(text);
      await target.press('Enter');
    },
    choose: (target) => target.check(),
    focus: (target) => target.click(),
  };
}

/** True when `target` (or one of the elements it matches) has the keyboard focus. */
export async function isFocused(page: Page, target: Locator): Promise<boolean> {
  return (await target.and(page.locator(':focus')).count()) > 0;
}

/**
 * What the focused element shows to say it has focus: null when it or the field it sits in (Mantine wraps tag inputs)
 * draws an outline or a box shadow, else a description of the element for the failure message.
 */
export async function missingFocusIndicator(page: Page): Promise<string | null> {
  // A string: it runs in the page, and this project is typed for Node, not the DOM.
  return page.evaluate<string | null>(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'focus was lost to the page body';
    const shows = (node) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    if (shows(element) || shows(element.closest('.mantine-Input-input'))) return null;
    const name = element.getAttribute('aria-label') || element.textContent || element.getAttribute('name') || '';
    return '<' + element.tagName.toLowerCase() + '> ' + name.trim().slice(0, 60);
  })()`);
}

const MAX_TABS = 60;

/**
 * Keyboard only. Every Tab stop on the way must show that it has focus; a target Tab never reaches (in MAX_TABS
 * presses) fails the journey, as it would leave a keyboard user stuck.
 */
export function keyboardInput(page: Page): JourneyInput {
  const tabTo = async (target: Locator) => {
    await target.first().waitFor();
    for (let presses = 0; !(await isFocused(page, target)); presses += 1) {
      if (presses === MAX_TABS) throw new Error(`Tab did not reach ${String(target)} in ${MAX_TABS} presses`);
      await page.keyboard.press('Tab');
      const missing = await missingFocusIndicator(page);
      if (missing) throw new Error(`no visible focus indicator on ${missing} (on the way to ${String(target)})`);
    }
  };
  const replaceText = async (text: string) => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  };
  return {
    keyboardOnly: true,
    activate: async (target) => {
      await tabTo(target);
      await page.keyboard.press('Enter');
    },
    fill: async (target, text) => {
      await tabTo(target);
      await replaceText(text);
    },
    enter: async (target, text) => {
      await tabTo(target);
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    choose: async (target) => {
      // Tab enters a radio group once; the arrow keys move (and select) within it.
      const name = await target.getAttribute('name');
      await tabTo(page.locator(`input[type="radio"][name="${name ?? ''}"]`));
      for (let presses = 0; !(await isFocused(page, target)); presses += 1) {
        if (presses === 10) throw new Error(`the arrow keys did not reach ${String(target)}`);
        await page.keyboard.press('ArrowDown');
      }
      if (!(await target.isChecked())) await page.keyboard.press('Space');
    },
    focus: tabTo,
  };
}

/** Waits for focus to arrive on `target` (focus moves after a render or an animation frame); fails naming `what`. */
export async function waitForFocus(page: Page, target: Locator, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isFocused(page, target))) {
    if (Date.now() > deadline) {
      const focused = await page.evaluate<string>(
        `(() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : 'nothing'; })()`,
      );
      throw new Error(`focus did not move to ${what} within ${timeoutMs} ms; it is on ${focused}`);
    }
    await page.waitForTimeout(50);
  }
}
