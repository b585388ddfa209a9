import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelativeTime } from './relative-time';

describe('RelativeTime', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps saying how long ago while the page stays open, with one timer for all, gone when none is shown', () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T12:00:04Z') });
    const { unmount } = render(
      <>
        <RelativeTime iso="2026-12-06T12:00:00Z" />
        <RelativeTime iso="2026-12-06T11:00:00Z" />
      </>,
    );
    const [recent, older] = screen.getAllByRole('time');
    expect(recent).toHaveTextContent(/^4 sec\. ago$/);
    expect(older).toHaveTextContent(/^1 hr\. ago$/);
    expect(vi.getTimerCount()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(recent).toHaveTextContent(/^1 min\. ago$/);
    expect(recent).toHaveAttribute('datetime', '2026-12-06T12:00:00Z');
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stays still inside a live region (ticking={false}): a screen reader is not told every new second', () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T12:00:04Z') });
    render(<RelativeTime iso="2026-12-06T12:00:00Z" ticking={false} />);
    expect(vi.getTimerCount()).toBe(0);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByRole('time')).toHaveTextContent(/^4 sec\. ago$/);
  });
});
