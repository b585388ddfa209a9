import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { focusIsFormsOwn, focusIsLost, refusedFieldId } from './focus';

const refusal = (field?: unknown) =>
  new ApiError(400, {
    error: 'API-400',
    message: 'refused',
    ...(field === undefined ? {} : { details: { field } }),
  });

const FIELDS = {
  id: 'registry-id',
  creds: 'registry-username',
};

describe('refusedFieldId', () => {
  it('names the field the refusal is about', () => {
    expect(refusedFieldId(refusal('id'), FIELDS, 'fallback')).toBe(
      'registry-id',
    );
    // A nested field falls back to its parent's.
    expect(refusedFieldId(refusal('creds.expires'), FIELDS, 'fallback')).toBe(
      'registry-username',
    );
  });

  it('falls back when no field is named, or one the form does not have', () => {
    expect(refusedFieldId(refusal(), FIELDS, 'fallback')).toBe('fallback');
    expect(refusedFieldId(refusal('type'), FIELDS, 'fallback')).toBe(
      'fallback',
    );
    expect(refusedFieldId(refusal(7), FIELDS, 'fallback')).toBe('fallback');
    // Inherited names are not fields.
    expect(refusedFieldId(refusal('toString'), FIELDS, 'fallback')).toBe(
      'fallback',
    );
    expect(refusedFieldId(new Error('offline'), FIELDS, 'fallback')).toBe(
      'fallback',
    );
  });
});

describe('focusIsFormsOwn', () => {
  it('is true when focus is nowhere or on the form’s own submit button, false where the user put it', () => {
    document.body.innerHTML = `
      <form id="a"><input id="a-field" /><button id="a-submit" type="submit">Go</button>
        <button id="a-other" type="button">Other</button></form>
      <form id="b"><button id="b-submit" type="submit">Go</button></form>`;
    const form = document.getElementById('a') as HTMLFormElement;
    const focus = (id: string) => document.getElementById(id)!.focus();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(focusIsFormsOwn(form)).toBe(true);
    focus('a-submit');
    expect(focusIsFormsOwn(form)).toBe(true);
    expect(focusIsFormsOwn(null)).toBe(false);
    focus('a-other');
    expect(focusIsFormsOwn(form)).toBe(false);
    focus('a-field');
    expect(focusIsFormsOwn(form)).toBe(false);
    focus('b-submit');
    expect(focusIsFormsOwn(form)).toBe(false);
    document.body.innerHTML = '';
  });
});

describe('focusIsLost', () => {
  it('is true when focus is on the body, or still on the control the action left or disabled; false where the user put it', () => {
    document.body.innerHTML = `
      <button id="pressed" type="button">Remove</button>
      <button id="other" type="button">Other</button>`;
    const pressed = document.getElementById('pressed') as HTMLButtonElement;
    (document.activeElement as HTMLElement | null)?.blur();
    expect(focusIsLost()).toBe(true);
    expect(focusIsLost(pressed)).toBe(true);
    pressed.focus();
    // Still where the action was taken, and usable: not lost.
    expect(focusIsLost(pressed)).toBe(false);
    expect(focusIsLost()).toBe(false);
    // Disabled while it works (jsdom keeps focus on it; a browser drops it to the body).
    pressed.disabled = true;
    expect(focusIsLost(pressed)).toBe(true);
    expect(focusIsLost(null)).toBe(false);
    pressed.disabled = false;
    document.getElementById('other')!.focus();
    expect(focusIsLost(pressed)).toBe(false);
    pressed.focus();
    pressed.remove();
    expect(focusIsLost(pressed)).toBe(true);
    document.body.innerHTML = '';
  });
});
