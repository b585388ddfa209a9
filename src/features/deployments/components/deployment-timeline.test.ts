import { describe, expect, it } from 'vitest';
import type { DeploymentStep } from '@/api/health';
import { SETTLED_STEPS_SHOWN, visibleSteps } from './deployment-timeline';

const step = (i: number, status: DeploymentStep['status']) =>
  ({ id: `s${i}`, title: `Step ${i}`, status }) as DeploymentStep;

describe('visibleSteps', () => {
  it('shows every step of a short timeline', () => {
    const steps = [step(1, 'succeeded'), step(2, 'failed'), step(3, 'skipped')];
    expect(visibleSteps(steps, false)).toEqual(steps);
  });

  it('keeps the first succeeded steps and every other one, in order, until asked for all', () => {
    const steps = Array.from({ length: 100 }, (_, i) =>
      step(i, i === 60 ? 'failed' : i === 80 ? 'in progress' : 'succeeded'),
    );
    const shown = visibleSteps(steps, false);
    expect(shown.map((s) => s.id)).toEqual([
      ...Array.from({ length: SETTLED_STEPS_SHOWN }, (_, i) => `s${i}`),
      's60',
      's80',
    ]);
    expect(visibleSteps(steps, true)).toEqual(steps);
  });
});
