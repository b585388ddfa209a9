import { describe, expect, it } from 'vitest';
import { deploymentStatus, isDeploymentActive, runtimeStatus } from './status';

describe('deploymentStatus', () => {
  it.each([
    ['pending', 'progress', 'Pending'],
    ['in progress', 'progress', 'In progress'],
    ['succeeded', 'success', 'Succeeded'],
    ['failed', 'failure', 'Failed'],
    [undefined, 'unknown', 'Never deployed'],
    ['exotic', 'unknown', 'exotic'],
  ])('%s → %s "%s"', (status, tone, label) => {
    expect(deploymentStatus(status)).toEqual({ tone, label });
  });

  it('knows which statuses still change', () => {
    expect(['pending', 'in progress', 'succeeded', 'failed'].map(isDeploymentActive)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('runtimeStatus', () => {
  it.each([
    ['Success', 'Running', 'success', 'Running'],
    ['Warning', 'Partially Succeeded', 'warning', 'Partially Succeeded'],
    ['Failure', 'Failed', 'failure', 'Failed'],
    ['Stopped', 'Stopped', 'stopped', 'Stopped'],
    ['Unknown', 'Starting', 'progress', 'Starting'],
    [undefined, undefined, 'unknown', 'Unknown'],
  ])('%s/%s → %s', (statusClass, status, tone, label) => {
    expect(runtimeStatus(statusClass, status)).toEqual({ tone, label });
  });
});
