import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// What a reviewer came for (image tags, the changed line) is never cut mid-token, at any width.

/** The diff of shop/production's two newest deployments (frontend 3.1.0 -> 3.2.0), from the history's link. */
async function openProductionDiff(page: Page) {
  await page.goto('/orgs/acme/apps/shop/envs/production');
  await page
    .getByRole('link', { name: 'Compare with previous' })
    .first()
    .click();
}

/** Every character of `token` inside `within` is painted inside `box` and on one line (not cut, not wrapped). */
async function expectWholeToken(
  within: Locator,
  token: string,
  box: Locator = within,
) {
  const box2 = await box.boundingBox();
  const lines = await within.evaluate((root, t) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // The token may span text nodes (e.g. split by <wbr>): collect the text and map offsets back.
    const nodes: Text[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      text += n.textContent;
    }
    const start = text.indexOf(t);
    if (start === -1) return null;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const len = node.textContent?.length ?? 0;
      if (start >= offset && start <= offset + len)
        range.setStart(node, start - offset);
      if (start + t.length >= offset && start + t.length <= offset + len) {
        range.setEnd(node, start + t.length - offset);
        break;
      }
      offset += len;
    }
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return {
      tops: [...new Set(rects.map((r) => Math.round(r.top)))],
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
    };
  }, token);
  expect(lines, `"${token}" is in the text`).not.toBeNull();
  // One line: highlighted words (diff2html's inline-block <ins>) may sit a pixel or two higher.
  expect(
    Math.max(...lines!.tops) - Math.min(...lines!.tops),
    `"${token}" is on one line`,
  ).toBeLessThan(6);
  expect(
    lines!.left,
    `"${token}" starts inside its box`,
  ).toBeGreaterThanOrEqual(box2!.x - 0.5);
  expect(lines!.right, `"${token}" ends inside its box`).toBeLessThanOrEqual(
    box2!.x + box2!.width + 0.5,
  );
}

for (const width of [1280, 390]) {
  test(`the workloads table shows each image's name and tag whole at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/orgs/acme/apps/shop/envs/production');
    const cart = page
      .getByRole('table', { name: 'Workloads' })
      .getByRole('row', { name: /^cart/ });
    const image = cart.getByTitle('registry.acme.dev/shop/cart:1.0.4');
    await expect(image).toBeVisible();
    await expectWholeToken(image, 'cart:1.0.4');
    await expect(
      cart.getByRole('button', {
        name: 'Copy image registry.acme.dev/shop/cart:1.0.4',
      }),
    ).toBeVisible();
  });
}

test('the diff keeps image tags whole in the field list and wraps the changed line in split view, on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openProductionDiff(page);
  const row = page
    .getByRole('table', { name: 'Field changes of frontend' })
    .getByRole('row', { name: /image/ });
  await expectWholeToken(
    row.getByRole('cell').filter({ hasText: 'frontend:3.1.0' }),
    'frontend:3.1.0',
  );
  await expectWholeToken(
    row.getByRole('cell').filter({ hasText: 'frontend:3.2.0' }),
    'frontend:3.2.0',
  );

  await page.getByRole('button', { name: 'Split' }).click();
  const after = page
    .getByRole('group', { name: 'Text diff of frontend' })
    .getByRole('group', { name: 'After' });
  await expect(after).toBeVisible();
  // The changed line wraps inside its pane instead of running off its right edge.
  await expectWholeToken(after, 'frontend:3.2.0');
  await expectNoAxeViolations(page);
});

test('the raw diff wraps long lines and passes axe, in both themes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openProductionDiff(page);
  await page.getByRole('button', { name: 'Open raw diff' }).click();
  const raw = page.getByRole('group', {
    name: /Raw diff of the two deployment sets/,
  });
  const modified = raw.locator('.editor.modified');
  await expect(modified.getByText('frontend:3.2.0')).toBeVisible();
  // Word wrap: the changed image is inside the visible part of the editor, not scrolled off to the right.
  await expectWholeToken(
    modified.locator('.view-lines[role="presentation"]'),
    'frontend:3.2.0',
    modified,
  );
  await expectNoAxeViolations(page);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.getByRole('button', { name: 'Open raw diff' }).click();
  await expect(
    raw.locator('.editor.modified').getByText('frontend:3.2.0'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the raw diff wraps both sides at desktop width', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openProductionDiff(page);
  await page.getByRole('button', { name: 'Open raw diff' }).click();
  const raw = page.getByRole('group', {
    name: /Raw diff of the two deployment sets/,
  });
  const before = raw.locator('.editor.original');
  const after = raw.locator('.editor.modified');
  await expect(before.getByText('frontend:3.1.0').first()).toBeVisible();
  await expect(after.getByText('frontend:3.2.0').first()).toBeVisible();
  // Two columns, and in each every line's text ends inside its own pane: nothing runs off to the right.
  for (const side of [before, after]) {
    await expect
      .poll(() =>
        side.evaluate((editor) => {
          const right = editor.getBoundingClientRect().right;
          const texts = [...editor.querySelectorAll('.view-line > span')];
          return (
            texts.length > 0 &&
            texts.every(
              (span) => span.getBoundingClientRect().right <= right + 1,
            )
          );
        }),
      )
      .toBe(true);
  }
  const [b, a] = [await before.boundingBox(), await after.boundingBox()];
  expect(b!.x + b!.width).toBeLessThanOrEqual(a!.x + 1);
});
