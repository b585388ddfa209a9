import { expect, expectNoAxeViolations, test } from './fixtures';
import { editorText, pasteIntoEditor } from './monaco';

/** A new version of acme/web-service: the seeded features plus an endpoint with an owning team (optionally with a typo). */
function webServiceSchema(typo = false) {
  return JSON.stringify(
    {
      type: 'object',
      properties: {
        containers: {
          'x-console-feature': 'humanitec/containers',
          title: 'Containers',
          'x-console-order': 1,
        },
        endpoint: {
          type: 'object',
          title: 'Endpoint',
          'x-console-order': 2,
          properties: {
            visibility: {
              type: 'string',
              title: 'Visibility',
              enum: ['public', 'internal'],
              'x-console-widget': 'radio',
            },
            team: {
              type: 'string',
              title: 'Owning team',
              pattern: '^[a-z-]+$',
              [typo ? 'x-console-widgte' : 'x-console-placeholder']: typo
                ? 'text'
                : 'platform',
              'x-console-errors': {
                pattern: 'Use lowercase letters and dashes, e.g. platform.',
              },
            },
          },
        },
        service: {
          'x-console-feature': 'humanitec/service',
          'x-console-order': 3,
        },
        ingress: {
          'x-console-feature': 'humanitec/ingress',
          'x-console-hidden': true,
        },
        replicas: {
          'x-console-feature': 'humanitec/replicas',
          'x-console-order': 5,
        },
      },
    },
    null,
    2,
  );
}

test.describe('workload profiles', () => {
  // Long journeys over several pages, with Monaco: generous when both cores are busy.
  test.describe.configure({ timeout: 180_000 });
  // The engine refusing an invalid change (400 on POST …/sets/{setId}) is the point of the first test;
  // Chromium logs every 4xx response as a console error. Nothing else is allowed.
  test.use({
    allowedConsoleErrors: [
      /status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/apps\/analytics\/sets\//,
    ],
  });

  test('design a profile, publish a version, then edit a workload with its form and deploy', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/orgs/acme/workload-profiles');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Workload profiles' }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: 'Workload profiles' })
        .getByRole('link', { name: 'acme/web-service' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'acme/web-service' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'acme/web-service' }),
    ).toBeVisible();
    await expect(page.locator('.monaco-editor')).toBeVisible();
    const preview = page.getByRole('form', {
      name: 'Preview of the generated form',
    });
    await expect(
      preview.getByRole('radio', { name: 'Internal (cluster only)' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // The preview validates live in the browser with ajv, under the console's CSP.
    await preview
      .getByRole('radio', { name: 'Public (through the DNS resource)' })
      .check();
    await preview.getByLabel(/Host name/).fill('not a host');
    await expect(
      preview.getByText('A host name such as app.acme.dev.'),
    ).toBeVisible();
    // The badge says whose verdict it is (the schema's is under the editor), and the problem is said in words.
    await expect(
      page
        .getByRole('region', { name: 'Preview' })
        .getByText('Preview data: 1 problem'),
    ).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Problems of the preview data' }),
    ).toContainText('A host name such as app.acme.dev.');

    // An unknown annotation: listed with its line, and squiggled in the editor.
    await pasteIntoEditor(page, webServiceSchema(true));
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(
      problems.getByText(
        /Unknown annotation `x-console-widgte`: did you mean `x-console-widget`\?/,
      ),
    ).toBeVisible();
    await expect(problems.getByText(/^Line \d+$/)).toBeVisible();
    await expect(
      page.locator('.monaco-editor .squiggly-error').first(),
    ).toBeAttached();
    await expect(
      page.getByRole('button', { name: 'Publish version' }),
    ).toBeDisabled();

    // Fixed: the preview shows the new field; the draft survives a reload.
    await pasteIntoEditor(page, webServiceSchema());
    await expect(
      problems.getByText(
        'No problems: the schema and its annotations are sound.',
      ),
    ).toBeVisible();
    await expect(preview.getByLabel('Owning team')).toBeVisible();
    // The draft is saved after 400 ms of quiet: wait until it is in storage.
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.values(localStorage).some((v) => v.includes('Owning team')),
        ),
      )
      .toBe(true);
    await page.reload();
    await expect(
      page.getByText(/Restored your unpublished draft/),
    ).toBeVisible();
    await expect(
      page
        .getByRole('form', { name: 'Preview of the generated form' })
        .getByLabel('Owning team'),
    ).toBeVisible();

    await page.getByRole('textbox', { name: 'Version' }).fill('1.1.0');
    await page.getByRole('button', { name: 'Publish version' }).click();
    // The new version drops the endpoint's defaults: its impact says so first, and publishing needs a second press.
    const defaults = page
      .getByRole('group', { name: 'Impact of this version' })
      .getByRole('table', { name: 'Defaults this version changes' });
    await expect(
      defaults.getByRole('row', { name: /endpoint › visibility/ }),
    ).toContainText('"internal"');
    await page
      .getByRole('button', { name: 'Publish with the new defaults' })
      .click();
    const versions = page.getByRole('table', { name: 'Versions' });
    await expect(versions.getByText('1.1.0')).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Schema' })
        .getByText('Published', { exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // A workload of that profile, edited with the generated form.
    await page.goto(
      '/orgs/acme/apps/analytics/envs/development/workloads/dashboard',
    );
    await page
      .getByRole('link', { name: 'Edit with the profile form' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Edit dashboard' }),
    ).toBeVisible();
    const form = page.getByRole('form', { name: 'Spec of dashboard' });
    await expect(form.getByRole('textbox', { name: /^Image\*?$/ })).toHaveValue(
      'registry.acme.dev/analytics/dashboard',
    );
    await expectNoAxeViolations(page);

    await form.getByLabel('Owning team').fill('Platform Team');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(
      'The engine refused the change: 1 field needs attention',
    );
    await expect(
      form.getByText('Use lowercase letters and dashes, e.g. platform.'),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await form.getByLabel('Owning team').fill('platform');
    await expect(summary).toHaveCount(0);
    await page.getByRole('button', { name: 'Review changes' }).click();
    // The review is the deployment diff of the change: field changes and the YAML text diff.
    const changes = page.getByRole('table', {
      name: 'Field changes of dashboard',
    });
    await expect(changes).toContainText('endpoint');
    await expect(changes).toContainText('platform');
    await expect(
      page.getByRole('group', { name: 'Text diff of dashboard' }),
    ).toContainText('team: platform');
    await expectNoAxeViolations(page);
    await page.getByLabel('Comment').fill('Dashboard belongs to platform');
    await page.getByRole('button', { name: 'Deploy to development' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Status' })
        .getByText('Succeeded', { exact: true }),
    ).toBeVisible();
  });

  test('a new profile from the Score example renders the Score form from the sample', async ({
    page,
  }) => {
    await page.goto('/orgs/acme/workload-profiles/new?example=score');
    await expect(
      page.getByRole('heading', { level: 1, name: 'New workload profile' }),
    ).toBeVisible();
    const preview = page.getByRole('form', {
      name: 'Preview of the generated form',
    });
    await expect(
      preview.getByRole('textbox', { name: /^Image\*?$/ }).first(),
    ).toHaveValue('localhost:4000/repo/my-image');
    await expect(
      page
        .getByRole('region', { name: 'Preview' })
        .getByText('Preview data valid', { exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('every custom widget, in the dark theme, at a narrow width', async ({
    page,
  }) => {
    await page.addInitScript(() =>
      localStorage.setItem('console:theme', 'dark'),
    );
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto('/orgs/acme/workload-profiles/new?example=every-widget');
    const preview = page.getByRole('form', {
      name: 'Preview of the generated form',
    });
    await preview
      .getByRole('textbox', { name: 'Backup schedule' })
      .fill('0 2 * * *');
    await expect(preview.getByText('Runs at 02:00 (UTC).')).toBeVisible();
    await preview.getByRole('textbox', { name: 'CPU' }).fill('500');
    await expect(preview.getByText('0.5 cores (500m)')).toBeVisible();
    await preview.getByRole('button', { name: 'Add variable' }).click();
    await page.keyboard.type('LOG_LEVEL');
    await expect(page.getByRole('region', { name: 'Output' })).toContainText(
      '"LOG_LEVEL": ""',
    );
    await expectNoAxeViolations(page);
  });

  test('the editor completes the console annotations', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/orgs/acme/workload-profiles/new');
    await expect(page.locator('.monaco-editor')).toBeVisible();
    await pasteIntoEditor(
      page,
      '{\n  "type": "object",\n  "properties": {\n    "a": {\n      "type": "string",\n      \n    }\n  }\n}',
    );
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const suggestions = page.locator('.suggest-widget');
    // The JSON worker starts lazily: ask again until it answers with the schema's keywords.
    await expect(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      await expect(suggestions).toContainText('additionalProperties', {
        timeout: 10_000,
      });
    }).toPass({ timeout: 60_000 });
    // A half-typed annotation, as typing `"x-console-wid` leaves it (Monaco closes the quote). Pasted: the page's
    // late echo of an earlier keystroke once garbled typed keys here with both cores busy (the editor now ignores
    // such echoes, next test).
    await page.keyboard.press('Escape');
    await pasteIntoEditor(
      page,
      '{\n  "type": "object",\n  "properties": {\n    "a": {\n      "type": "string",\n      "x-console-wid"\n    }\n  }\n}',
    );
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    // Filtering waits for the worker's answer; under load the first list can come back empty, so ask again.
    await expect(async () => {
      await page.keyboard.press('Control+Space');
      await expect(suggestions).toContainText('x-console-widget', {
        timeout: 10_000,
      });
    }).toPass({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await expect(page.locator('.monaco-editor .view-lines')).toContainText(
      '"x-console-widget"',
    );
  });

  test('keys typed with no pause land where they are typed, in order', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/orgs/acme/workload-profiles/new');
    const start = '{\n  "type": "object",\n  "title": "My workload",';
    await pasteIntoEditor(page, `${start}\n  "properties": {}\n}`);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // Each key's render reaches the editor after the next key (a page lags behind): an older text the
    // editor reported is an echo, never written back over the newer keystrokes (it garbled the line).
    await page.keyboard.type('"description": "typed fast",');
    await expect
      .poll(() => editorText(page))
      .toBe(
        '{\n  "description": "typed fast",\n  "type": "object",\n  "title": "My workload",\n  "properties": {}\n}',
      );
  });
});

test('at 1500 px the versions table fits its panel and nothing overlaps it (issue 18)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1500, height: 900 });
  await page.goto('/orgs/acme/workload-profiles/acme%2Fweb-service');
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(
    versions.getByRole('button', { name: /Open/ }).first(),
  ).toBeVisible();
  const fits = await versions.evaluate((table) => {
    const panel = table.closest('section')!;
    const box = panel.getBoundingClientRect();
    const others = [...document.querySelectorAll('section')].filter(
      (s) => s !== panel && !s.contains(panel) && !panel.contains(s),
    );
    const overlapping = others.filter((s) => {
      const o = s.getBoundingClientRect();
      return (
        o.left < box.right - 1 &&
        o.right > box.left + 1 &&
        o.top < box.bottom - 1 &&
        o.bottom > box.top + 1
      );
    });
    return {
      tableRight: table.getBoundingClientRect().right,
      panelRight: box.right,
      overlapping: overlapping.map((s) => s.getAttribute('aria-labelledby')),
    };
  });
  expect(fits.tableRight).toBeLessThanOrEqual(fits.panelRight);
  expect(fits.overlapping).toEqual([]);
});
