import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PageHeader } from './page-header';

/** A page whose title can change in place (a rename), and a link to another path with the same title. */
function Page() {
  const [title, setTitle] = useState('Production');
  return (
    <>
      <PageHeader title={title} />
      <button type="button" onClick={() => setTitle('Production EU')}>
        Rename
      </button>
      <Link to="/other">Another app's production</Link>
    </>
  );
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <Page /> },
      { path: '/other', element: <Page /> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

/** A wizard whose steps differ only in the query string. */
function Wizard() {
  const [step, setStep] = useState('pick');
  return (
    <>
      <PageHeader
        title={step === 'pick' ? 'Add a workload' : 'Add api'}
        focusKey={step}
      />
      <button type="button" onClick={() => setStep('form')}>
        Continue
      </button>
    </>
  );
}

describe('PageHeader', () => {
  it('takes focus to the heading on a new step of the same path', async () => {
    const user = userEvent.setup();
    const router = createMemoryRouter([{ path: '/', element: <Wizard /> }]);
    render(<RouterProvider router={router} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 1, name: 'Add api' }),
      ).toHaveFocus(),
    );
  });

  it('takes focus to the heading on a new path, even with the same title, and names the document', async () => {
    const user = userEvent.setup();
    renderAt('/');
    const heading = screen.getByRole('heading', { level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe('Production · Platform Console');

    await user.click(
      screen.getByRole('link', { name: "Another app's production" }),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 1, name: 'Production' }),
      ).toHaveFocus(),
    );
  });

  it('leaves focus where the user put it when the title changes on the same path', async () => {
    const user = userEvent.setup();
    renderAt('/');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveFocus(),
    );
    const rename = screen.getByRole('button', { name: 'Rename' });
    await user.click(rename);
    await waitFor(() =>
      expect(document.title).toBe('Production EU · Platform Console'),
    );
    // A frame later the heading would have taken focus back.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(rename).toHaveFocus();
  });
});
