import { XSS_APP, XSS_PAYLOADS as P } from '../mocks/fixtures/seed-xss';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * The XSS corpus (scenario `xss`, mocks/fixtures/seed-xss.ts): every string a
 * user can type is an HTML or script payload calling alert(). The fixture
 * fails the test on any dialog or console error (an <img src=x> that got
 * rendered as HTML would log a failed request), so walking the pages that
 * show those strings proves none of them executes; each payload must also be
 * visible as plain text.
 */
const app = `/orgs/acme/apps/${XSS_APP}`;

test('payloads in names, comments, variables, logs, errors and profiles render as text and never run', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/orgs/acme/apps?scenario=xss`);
  await expect(
    page.getByRole('table', { name: 'Applications' }).getByText(P.appName),
  ).toBeVisible();
  // The failed environment is in "Needs attention", with the engine's error message.
  await expect(page.getByText(P.param, { exact: false }).first()).toBeVisible();

  await page.goto(app);
  await expect(page.getByText(P.envName).first()).toBeVisible();

  // A failed deployment: the banner quotes the bad parameter.
  await page.goto(`${app}/envs/stage`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(P.param, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(P.comment).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Runtime: the image that cannot be pulled, in the reason and the logs panel.
  await page.goto(`${app}/envs/development?workload=broken`);
  await expect(page.getByText(P.image, { exact: false }).first()).toBeVisible();

  // The deployment page and its comment.
  await page.goto(`${app}/envs/development`);
  const history = page.getByRole('table', { name: 'Deployment history' });
  await expect(history.getByText(P.comment).first()).toBeVisible();
  await history
    .getByRole('link', { name: /Compare with previous/ })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Compare deployments' }),
  ).toBeVisible();
  await expect(
    page.getByText(P.variable, { exact: false }).first(),
  ).toBeVisible();

  // The workload page shows the variable value.
  await page.goto(`${app}/envs/development/workloads/web`);
  await expect(
    page.getByText(P.variable, { exact: false }).first(),
  ).toBeVisible();

  // Profiles: description in the list; titles and help in the generated form.
  await page.goto('/orgs/acme/workload-profiles');
  await expect(page.getByText(P.profileDescription).first()).toBeVisible();
  await page.goto('/orgs/acme/workload-profiles/acme%2Fxss-profile');
  const preview = page.getByRole('form', {
    name: 'Preview of the generated form',
  });
  await expect(preview.getByText(P.fieldTitle).first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(preview.getByText(P.fieldHelp).first()).toBeVisible();

  // The palette lists the app by its name.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('Lab');
  await expect(
    page
      .getByRole('option', {
        name: new RegExp(P.appName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      })
      .first(),
  ).toBeVisible();
});
