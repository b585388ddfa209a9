import type { Page } from '@playwright/test';
import { largeSchema } from './bench/large-schema';
import { expect, expectNoAxeViolations, test } from './fixtures';

// A 300-field profile (10 sections of 30 fields, the form benchmark's schema) in the designer's live preview:
// sections collapse, the section list follows the scroll, search focuses a field, "Go to first error" finds it.
const DRAFT_KEY = 'console:profile-draft:acme/new:blank';

/** How far the document reaches past the window, and the first elements that do. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    by: document.documentElement.scrollWidth - window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter(
        (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5,
      )
      .slice(0, 5)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
      ),
  }));

test.describe('a form of 300 fields', () => {
  // Monaco and the form generator are lazy chunks; a 300-field form on a busy machine takes a while.
  test.describe.configure({ timeout: 180_000 });
  const LOADED = { timeout: 60_000 };

  test.beforeEach(async ({ page }) => {
    const draft = JSON.stringify({
      text: JSON.stringify(largeSchema(), null, 2),
      savedAt: new Date().toISOString(),
    });
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [DRAFT_KEY, draft],
    );
    await page.goto('/orgs/acme/workload-profiles/new');
  });

  test('sections collapse, search focuses a field, the first error is one click away, at 1280 and 390 px', async ({
    page,
  }) => {
    const form = page.getByRole('form', {
      name: 'Preview of the generated form',
    });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    const heading = (name: string) =>
      form.getByRole('button', { name, exact: true });
    await expect(field('Field 10.30')).toBeAttached(LOADED);
    await expect(form.getByRole('textbox')).not.toHaveCount(0);

    // A section collapses by its heading and keeps what it holds.
    await field('Field 2.4').fill('kept');
    await heading('Section 2').click();
    await expect(heading('Section 2')).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(field('Field 2.4')).toBeHidden();

    // Search by label: Enter expands the section and focuses the field.
    const search = form.getByRole('combobox', { name: 'Find a field' });
    await search.fill('field 2.8');
    await expect(
      form.getByRole('option', { name: /^Field 2\.8 Section 2/ }),
    ).toBeVisible();
    await search.press('Enter');
    await expect(field('Field 2.8')).toBeFocused();
    await expect(heading('Section 2')).toHaveAttribute('aria-expanded', 'true');
    await expect(field('Field 2.4')).toHaveValue('kept');
    await expect(field('Field 2.8')).toBeInViewport();
    await search.fill('no such field');
    await expect(
      form.getByText('No field matches “no such field”.'),
    ).toBeVisible();

    // An error in a section the user then collapses: counted at its heading and in the list.
    await field('Field 7.3').fill('NOT lowercase');
    await expect(
      form.getByText('Lowercase letters, digits and dashes.'),
    ).toBeVisible();
    await heading('Section 7').click();
    await expect(
      form.getByRole('group', { name: /^Section 7/ }).getByText('1 error'),
    ).toBeVisible();
    const nav = form.getByRole('navigation', { name: 'On this form' });
    // The narrow preview's list is closed: its links are in the page, not shown.
    const link = (n: number) =>
      nav.locator('a', { hasText: new RegExp(`^Section ${n}(\\D|$)`) });
    await expect(link(7)).toHaveText('Section 7 1 error');
    await expect(link(7)).toBeHidden();
    await page.evaluate(() => window.scrollTo(0, 0));
    await form.getByRole('button', { name: 'Go to first error' }).click();
    await expect(field('Field 7.3')).toBeFocused();
    await expect(heading('Section 7')).toHaveAttribute('aria-expanded', 'true');
    await expect(field('Field 7.3')).toBeInViewport();

    // The preview is a narrow column: the list is a disclosure naming the section in view, which follows the scroll.
    const toggle = nav.getByRole('button', { name: /^On this form: / });
    await expect(toggle).toHaveText('On this form: Section 7');
    await expect(link(7)).toHaveAttribute('aria-current', 'location');
    await toggle.click();
    await expect(
      nav.getByRole('link', { name: 'Section 7 1 error' }),
    ).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Section 9' }).click();
    await expect(heading('Section 9')).toBeFocused();
    await expect(heading('Section 9')).toBeInViewport();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveText('On this form: Section 9');
    await expectNoAxeViolations(page);

    // A phone: the tools stay at the top, and nothing reaches past the window.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(toggle).toBeVisible();
    await expect
      .poll(async () => (await overflow(page)).by)
      .toBeLessThanOrEqual(0);
    await toggle.click();
    await nav.getByRole('link', { name: 'Section 3' }).click();
    await expect(heading('Section 3')).toBeFocused();
    await expect(heading('Section 3')).toBeInViewport();
    await search.fill('section_5.field_12');
    await search.press('Enter');
    await expect(field('Field 5.12')).toBeFocused();
    await expect(field('Field 5.12')).toBeInViewport();
    const { by, wide } = await overflow(page);
    expect(by, `wider than the window: ${wide.join(', ')}`).toBeLessThanOrEqual(
      0,
    );
    await expectNoAxeViolations(page);
  });
});

test('a wide workload form lists its sections beside them', async ({
  page,
}) => {
  // acme/web-service: 29 fields in 5 sections, a large form; the edit page is wide enough for the side list.
  await page.goto(
    '/orgs/acme/apps/analytics/envs/development/workloads/dashboard/edit',
  );
  const form = page.getByRole('form', { name: 'Spec of dashboard' });
  const nav = form.getByRole('navigation', { name: 'On this form' });
  await expect(nav.getByRole('link', { name: 'Containers' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(nav.getByRole('button')).toBeHidden();
  const links = nav.getByRole('link');
  await expect(links.first()).toHaveAttribute('aria-current', 'location');
  const last = links.last();
  const name = (await last.textContent()) ?? '';
  await last.click();
  const heading = form.getByRole('button', { name, exact: true });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(last).toHaveAttribute('aria-current', 'location');
  // The list stays in view beside the form while it scrolls.
  await expect(nav).toBeInViewport();
  await heading.click();
  await expect(heading).toHaveAttribute('aria-expanded', 'false');
  await expect((await overflow(page)).by).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});
