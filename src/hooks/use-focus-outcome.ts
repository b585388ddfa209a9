import { useEffect, useRef } from 'react';
import { focusableHeading, focusIsFormsOwn } from '@/lib/focus';

/**
 * Where focus goes when a form's request ends: its submit button, disabled
 * while the request ran, dropped focus to the page's body, so it goes to the
 * outcome (`succeeded`: what `onSucceeded` returns, e.g. the link to what was
 * made; refused: the heading `errorHeadingId` of the error shown), unless the
 * user has moved it out of the form meanwhile. Runs when either changes.
 */
export function useFocusOutcome({
  form,
  succeeded,
  refused,
  onSucceeded,
  errorHeadingId,
}: {
  form: () => HTMLFormElement | null;
  succeeded: unknown;
  refused: boolean;
  onSucceeded: () => HTMLElement | null | undefined;
  errorHeadingId: string;
}): void {
  // The latest getters, so the effect runs on the outcome alone.
  const latest = useRef({ form, onSucceeded, errorHeadingId });
  useEffect(() => {
    latest.current = { form, onSucceeded, errorHeadingId };
  });
  useEffect(() => {
    if (!succeeded && !refused) return;
    const current = latest.current;
    if (!focusIsFormsOwn(current.form())) return;
    if (succeeded) current.onSucceeded()?.focus();
    else focusableHeading(current.errorHeadingId)?.focus();
  }, [succeeded, refused]);
}
