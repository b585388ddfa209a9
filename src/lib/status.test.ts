import { describe, expect, it } from 'vitest';
import {
  agentStatus,
  containerStateStatus,
  deploymentStatus,
  healthStatus,
  isDeploymentActive,
  podStatus,
  runtimeStatus,
  stepStatus,
} from './status';

describe('deploymentStatus', () => {
  it.each([
    // A queued deployment is not under way yet: no spinner (#15).
    ['pending', 'pending', 'Pending'],
    ['in progress', 'progress', 'In progress'],
    ['succeeded', 'success', 'Succeeded'],
    ['failed', 'failure', 'Failed'],
    [undefined, 'unknown', 'Never deployed'],
    ['exotic', 'unknown', 'exotic'],
  ])('%s → %s "%s"', (status, tone, label) => {
    expect(deploymentStatus(status)).toEqual({ tone, label });
  });

  it('knows which statuses still change', () => {
    expect(
      ['pending', 'in progress', 'succeeded', 'failed'].map(isDeploymentActive),
    ).toEqual([true, true, false, false]);
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

describe('health, step, pod and container statuses', () => {
  it.each([
    ['Healthy', 'success', 'Healthy'],
    ['Deploying', 'progress', 'Deploying'],
    ['Degraded', 'warning', 'Degraded'],
    ['Failed', 'failure', 'Failed'],
    ['Paused', 'stopped', 'Paused'],
    ['Unknown', 'unknown', 'Unknown'],
    ['NotDeployed', 'unknown', 'Never deployed'],
  ])('health %s → %s "%s"', (state, tone, label) => {
    expect(healthStatus(state)).toEqual({ tone, label });
  });

  it('maps steps, pods and containers', () => {
    expect(stepStatus('skipped')).toEqual({
      tone: 'skipped',
      label: 'Skipped',
    });
    expect(stepStatus('pending')).toEqual({
      tone: 'pending',
      label: 'Pending',
    });
    expect(stepStatus('failed')).toEqual({ tone: 'failure', label: 'Failed' });
    // A crash-looping pod still runs: never a failure icon beside "Running" (#15).
    expect(podStatus('Running', 'Failure')).toEqual({
      tone: 'warning',
      label: 'Running, not ready',
    });
    expect(podStatus('Running', 'Success')).toEqual({
      tone: 'success',
      label: 'Running',
    });
    expect(podStatus('Pending', 'Failure')).toEqual({
      tone: 'failure',
      label: 'Pending',
    });
    expect(podStatus('Pending')).toEqual({ tone: 'pending', label: 'Pending' });
    expect(
      containerStateStatus({ waiting: { reason: 'CrashLoopBackOff' } }),
    ).toEqual({ tone: 'failure', label: 'CrashLoopBackOff' });
    expect(
      containerStateStatus({ waiting: { reason: 'ContainerCreating' } }),
    ).toEqual({ tone: 'progress', label: 'ContainerCreating' });
    expect(
      containerStateStatus({
        terminated: { reason: 'Completed', exit_code: 0 },
      }),
    ).toEqual({ tone: 'success', label: 'Completed' });
    expect(containerStateStatus({ terminated: { exit_code: 2 } })).toEqual({
      tone: 'failure',
      label: 'Exited 2',
    });
    expect(containerStateStatus({ running: {} })).toEqual({
      tone: 'success',
      label: 'Running',
    });
  });
});

describe('agentStatus', () => {
  it('tells an agent never seen from one gone silent', () => {
    const seen = '2026-12-06T10:00:00Z';
    expect(agentStatus({ status: 'connected', last_seen_at: seen })).toEqual({
      tone: 'success',
      label: 'Connected',
    });
    expect(agentStatus({ status: 'disconnected', last_seen_at: null })).toEqual(
      { tone: 'unknown', label: 'Not connected yet' },
    );
    expect(agentStatus({ status: 'disconnected', last_seen_at: seen })).toEqual(
      { tone: 'failure', label: 'Disconnected' },
    );
  });
});
