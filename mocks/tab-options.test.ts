import { describe, expect, it } from 'vitest';
import { APP_VISIBILITIES } from './engine';
import { SCENARIOS } from './fixtures';
import { APP_VISIBILITY_NAMES, SCENARIO_NAMES } from './tab-options';

describe('the options a tab of the demo may choose', () => {
  it('name exactly the scenarios of the fixtures', () => {
    expect([...SCENARIO_NAMES].sort()).toEqual(Object.keys(SCENARIOS).sort());
  });
  it("name exactly the engine's app-visibility rules", () => {
    expect([...APP_VISIBILITY_NAMES].sort()).toEqual(
      [...APP_VISIBILITIES].sort(),
    );
  });
});
