import { afterEach, describe, expect, it } from 'vitest';
import { keepFocusThroughDisabling } from './focus-keeper';

/** Lets the mutation observer see the last changes. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepFocusThroughDisabling', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    document.body.replaceChildren();
  });

  function setUp() {
    document.body.innerHTML =
      '<button id="act">Resync</button><input id="other" />';
    stop = keepFocusThroughDisabling();
    return {
      act: document.getElementById('act') as HTMLButtonElement,
      other: document.getElementById('other') as HTMLInputElement,
    };
  }

  it('gives focus back to a button enabled again after its action, when the browser dropped it', async () => {
    const { act } = setUp();
    act.focus();
    // What Chromium does to a focused button that is disabled: focus goes to the page (jsdom blurs only enabled ones).
    act.blur();
    act.disabled = true;
    await settle();
    expect(document.activeElement).toBe(document.body);
    act.disabled = false;
    await settle();
    expect(document.activeElement).toBe(act);
  });

  it('leaves focus where the user put it meanwhile', async () => {
    const { act, other } = setUp();
    act.focus();
    act.blur();
    act.disabled = true;
    await settle();
    other.focus();
    act.disabled = false;
    await settle();
    expect(document.activeElement).toBe(other);
  });

  it('does nothing for a button that had no focus, or that left the page', async () => {
    const { act } = setUp();
    act.disabled = true;
    await settle();
    act.disabled = false;
    await settle();
    expect(document.activeElement).toBe(document.body);

    act.focus();
    act.blur();
    act.disabled = true;
    await settle();
    act.remove();
    act.disabled = false;
    await settle();
    expect(document.activeElement).toBe(document.body);
  });
});
