import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID, DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import { SCENARIOS } from './scenarios';
import { BIG_DIFF_APP, BIG_DIFF_ENV, BIG_DIFF_WORKLOADS, buildBigDiffState } from './seed-big-diff';

const NOW = Date.parse('2026-11-20T10:00:00.000Z');

describe('the big-diff scenario', () => {
  it('is registered and has two deployments where all 500 workloads changed', () => {
    expect(SCENARIOS['big-diff'].build).toBe(buildBigDiffState);
    const state = buildBigDiffState(NOW);
    const engine = createEngine({ clock: createManualClock(NOW), ids: createSequentialIds('t'), state });
    const actor = engine.authenticate(DEMO_TOKENS.administrator);
    const [latest, previous] = engine.listDeploys(actor, DEMO_ORG_ID, BIG_DIFF_APP, BIG_DIFF_ENV);
    expect([latest.status, previous.status]).toEqual(['succeeded', 'succeeded']);
    const delta = engine.diffSets(actor, DEMO_ORG_ID, BIG_DIFF_APP, latest.set_id, previous.set_id);
    expect(Object.keys(delta.modules.update)).toHaveLength(BIG_DIFF_WORKLOADS);
    expect(Object.keys(delta.modules.add)).toHaveLength(0);
    expect(delta.modules.remove).toHaveLength(0);
    expect(delta.shared).toEqual([{ op: 'replace', path: '/db/params/version', value: '16' }]);
    expect(JSON.stringify(buildBigDiffState(NOW))).toBe(JSON.stringify(state));
  });
});
