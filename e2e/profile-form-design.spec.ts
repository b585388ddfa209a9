import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/** Elements of the form drawn as boxes (a border on every side) that sit inside another such box of the form. */
function nestedBoxes(page: Page, formName: string) {
  return page.evaluate((name) => {
    const form = document.querySelector(`form[aria-label="${name}"]`);
    if (!form) return ['no form'];
    const boxed = (el: Element) => {
      const style = getComputedStyle(el);
      return ['Top', 'Right', 'Bottom', 'Left'].every(
        (side) =>
          style.getPropertyValue(`border-${side.toLowerCase()}-style`) !==
            'none' &&
          parseFloat(
            style.getPropertyValue(`border-${side.toLowerCase()}-width`),
          ) > 0,
      );
    };
    // Containers of fields only: inputs, buttons and tables are boxes by nature.
    const sections = [...form.querySelectorAll('fieldset, div')].filter(
      (el) => boxed(el) && el.getBoundingClientRect().height > 40,
    );
    return sections
      .filter((el) =>
        sections.some((other) => other !== el && other.contains(el)),
      )
      .map((el) => el.className || el.tagName);
  }, formName);
}

/** Bounding boxes of the designer's schema editor and preview. */
async function designerBoxes(page: Page) {
  const editor = await page
    .getByRole('region', { name: 'Schema' })
    .boundingBox();
  const preview = await page
    .getByRole('region', { name: 'Preview' })
    .boundingBox();
  if (!editor || !preview)
    throw new Error('The designer has no editor or preview');
  return { editor, preview };
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('forms that look designed', () => {
  // Monaco and the form generator are lazy chunks: on a machine whose cores are busy they take a while to arrive.
  test.describe.configure({ timeout: 120_000 });
  const LOADED = { timeout: 60_000 };

  test('the workload form: sections without boxes in boxes, human labels, help once', async ({
    page,
  }) => {
    await page.goto(
      '/orgs/acme/apps/analytics/envs/development/workloads/dashboard/edit',
    );
    const form = page.getByRole('form', { name: 'Spec of dashboard' });
    // A map entry is named by what it is, not "Name of dashboard".
    await expect(
      form.getByRole('textbox', { name: 'Container name' }),
    ).toHaveValue('dashboard', LOADED);
    await expect(
      form.getByRole('button', { name: 'Remove container dashboard' }),
    ).toBeVisible();
    await expect(form.getByText(/^Name of /)).toHaveCount(0);
    // The image's help once: the field's own, not also the widget's generic hint.
    await expect(
      form.getByText(
        'Repository and tag (or @sha256 digest) of the container image.',
      ),
    ).toHaveCount(1);
    await expect(
      form.getByText(
        'Repository and tag, e.g. registry.acme.dev/team/app and 1.4.2.',
      ),
    ).toHaveCount(0);
    // A section's help under its heading, once.
    await expect(
      form.getByText('The containers of the workload, by name.'),
    ).toHaveCount(1);
    await expect(
      form.getByRole('group', { name: 'Readiness check' }),
    ).toBeVisible();
    expect(await nestedBoxes(page, 'Spec of dashboard')).toEqual([]);
    await expectNoAxeViolations(page);
  });

  test('messages say what is wrong in plain words, with the field label', async ({
    page,
  }) => {
    await page.goto('/orgs/acme/workload-profiles/acme%2Fweb-service');
    const preview = page.getByRole('form', {
      name: 'Preview of the generated form',
    });
    await expect(
      preview.getByRole('spinbutton', { name: 'Replicas' }),
    ).toBeVisible(LOADED);
    await preview.getByRole('spinbutton', { name: 'Replicas' }).fill('101');
    await expect(
      preview.getByText('Replicas must be 100 or less'),
    ).toBeVisible();
    await preview.getByRole('spinbutton', { name: 'Replicas' }).fill('-1');
    await expect(preview.getByText('Replicas must be 0 or more')).toBeVisible();
    await expect(preview.getByText(/must be at (least|most)/)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('the profile designer fits 1280 px with editor and preview side by side, and stacks on a phone', async ({
    page,
  }) => {
    await page.goto('/orgs/acme/workload-profiles/acme%2Fweb-service');
    await expect(page.locator('.monaco-editor')).toBeVisible(LOADED);
    await expect(
      page.getByRole('form', { name: 'Preview of the generated form' }),
    ).toBeVisible(LOADED);
    await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible(
      LOADED,
    );
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const wide = await designerBoxes(page);
    expect(wide.editor.x + wide.editor.width).toBeLessThanOrEqual(
      wide.preview.x,
    );
    expect(Math.abs(wide.editor.y - wide.preview.y)).toBeLessThan(2);
    // A useful size: each at least 420 px, the editor the wider.
    expect(wide.preview.width).toBeGreaterThanOrEqual(420);
    expect(wide.editor.width).toBeGreaterThanOrEqual(wide.preview.width);

    await page.setViewportSize({ width: 390, height: 800 });
    await expect
      .poll(async () => {
        const { editor, preview } = await designerBoxes(page);
        return (
          preview.y >= editor.y + editor.height &&
          preview.x < editor.x + editor.width
        );
      })
      .toBe(true);
    const narrow = await designerBoxes(page);
    expect(narrow.editor.x + narrow.editor.width).toBeLessThanOrEqual(390);
    expect(narrow.preview.x + narrow.preview.width).toBeLessThanOrEqual(390);
  });
});
