import type { Locator, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from '@trellis/shared/stack';

/** On the development provider's sign-in page: one of the people it lists. */
export async function signInAsListed(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName} `) }).click();
}

/** Through the development provider's "someone else" form, as anyone of any organization. */
export async function signInAsSomeoneElse(
  page: Page,
  personId: string,
  organizationId: string,
  orgAdmin = false,
): Promise<void> {
  await page.getByLabel('Person id').fill(personId);
  await page.getByLabel('Organization id').fill(organizationId);
  if (orgAdmin) await page.getByLabel('Organization admin').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** axe finds nothing serious or critical on the page; a failure names `where` and the violations. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // As the page is at rest: a hovered button's hover colour is not what the person reads.
  await page.mouse.move(0, 0);
  const violations = await seriousAccessibilityViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

/** What a form field's description says (Mantine points aria-describedby at the field's hint and its error). */
export async function describedBy(field: Locator, page: Page): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** The error a field announces: the text of what its aria-describedby names, when it is marked invalid. */
export async function errorMessageOf(page: Page, field: Locator): Promise<string> {
  if ((await field.getAttribute('aria-invalid')) !== 'true') return '';
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}
