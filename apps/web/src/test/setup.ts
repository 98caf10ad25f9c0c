import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';

afterEach(cleanup);

// A screen that shows an untranslated text fails its own test (missing-translations.spec.ts empties the list itself).
afterEach(() => {
  const missing = window.__trellisMissingTranslations ?? [];
  window.__trellisMissingTranslations = [];
  expect(missing, 'texts shown without a translation').toEqual([]);
});

// jsdom implements no scrolling; the router scrolls to the top on navigation.
window.scrollTo = () => undefined;

// jsdom has no layout: Mantine asks for media queries and element sizes.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;

window.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// jsdom loads no fonts: Mantine's autosizing textarea listens for fonts finishing loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
}

// Pills and dropdowns scroll options into view; jsdom has no layout to scroll.
Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => undefined, configurable: true });
