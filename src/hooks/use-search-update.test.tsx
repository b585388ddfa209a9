import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useSearchUpdate } from './use-search-update';

/**
 * A page with two filters kept in the URL, on a route whose loader answers only when the test lets it: a navigation
 * renders after its loader, as the console's routes do (they prefetch their queries).
 */
function setUp(initial: string) {
  const waiting: (() => void)[] = [];
  let holding = true;
  /** The loaders answer from now on (those waiting too). */
  const letLoadersAnswer = () => {
    holding = false;
    for (const answer of waiting.splice(0)) answer();
  };
  let setters: ReturnType<typeof useSearchUpdate>[1] | undefined;
  function Page() {
    const [search, update] = useSearchUpdate();
    setters = update;
    return <output aria-label="query">{search.toString()}</output>;
  }
  const router = createMemoryRouter(
    [
      {
        path: '/log',
        Component: Page,
        loader: () =>
          holding
            ? new Promise<null>((done) => waiting.push(() => done(null)))
            : null,
      },
    ],
    { initialEntries: [initial], hydrationData: { loaderData: { 0: null } } },
  );
  render(<RouterProvider router={router} />);
  const set =
    (key: string, value: string | undefined) => (current: URLSearchParams) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    };
  return { router, letLoadersAnswer, set, update: () => setters! };
}

describe('useSearchUpdate', () => {
  it('builds the second of two quick changes on the first, not on the query still shown', async () => {
    const { router, letLoadersAnswer, set, update } = setUp('/log?user=vic');
    const shown = screen.getByRole('status', { name: 'query' });
    expect(shown).toHaveTextContent('user=vic');
    // Both from the same render: the first navigation waits on its loader, so nothing renders between them.
    const fromOneRender = update();
    act(() => fromOneRender(set('user', undefined), { replace: true }));
    expect(shown).toHaveTextContent('user=vic');
    act(() => fromOneRender(set('app', 'shop'), { replace: true }));
    act(() => letLoadersAnswer());
    await screen.findByText('app=shop');
    expect(router.state.location.search).toBe('?app=shop');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('builds on a query some other navigation rendered since', async () => {
    const { router, letLoadersAnswer, set, update } = setUp('/log?user=vic');
    letLoadersAnswer();
    act(() => update()(set('user', 'dana')));
    await screen.findByText('user=dana');
    // Somewhere else (a link, the back button): the next change starts there, not from the change asked before.
    await act(() => router.navigate('/log?user=vic&range=1h'));
    await screen.findByText('user=vic&range=1h');
    act(() => update()(set('app', 'shop')));
    await screen.findByText('user=vic&range=1h&app=shop');
    expect(router.state.location.search).toBe('?user=vic&range=1h&app=shop');
  });

  it('forgets a change once any navigation renders, even back to the query it was asked from', async () => {
    const { router, letLoadersAnswer, set, update } = setUp('/log?user=vic');
    letLoadersAnswer();
    act(() => update()(set('user', 'dana')));
    await screen.findByText('user=dana');
    await act(() => router.navigate(-1));
    await screen.findByText('user=vic');
    act(() => update()(set('app', 'shop')));
    await screen.findByText('user=vic&app=shop');
    expect(router.state.location.search).toBe('?user=vic&app=shop');
  });
});
