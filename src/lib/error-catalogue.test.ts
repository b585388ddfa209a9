import { describe, expect, it } from 'vitest';
import { FAULT_RULES } from '../../mocks/engine';
import { catalogueEntries, catalogueEntry } from './error-catalogue';

/** Every error code and Kubernetes reason the engine's fault rules document (backticked in their texts). */
function engineCodes() {
  const codes = new Set<string>();
  for (const rule of FAULT_RULES) {
    for (const [, token] of `${rule.trigger} ${rule.effect}`.matchAll(
      /`([^`]+)`/g,
    )) {
      // Codes like RES-PROV-001 and CamelCase reasons like OOMKilled (two capitals or more, no spaces).
      if (
        /^[A-Z]{2,}-[A-Z]+-\d{3}$/.test(token) ||
        /^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{5,}$/.test(token)
      )
        codes.add(token);
    }
  }
  return [...codes].sort();
}

describe('error catalogue', () => {
  it('explains every code and reason the engine can report', () => {
    const codes = engineCodes();
    expect(codes).toEqual([
      'AgentDisconnectedError',
      'CrashLoopBackOff',
      'CreateContainerConfigError',
      'ImagePullBackOff',
      'InvalidImageName',
      'OOMKilled',
      'PlaceholderResolutionError',
      'RES-AGENT-001',
      'RES-MATCH-001',
      'RES-PROV-001',
      'ResourceProvisioningError',
      'ResourceReferenceError',
      'SecretReferenceError',
      'ValueNotFound',
      'WL-PROF-001',
      'WL-RES-001',
      'WL-RES-002',
      'WL-VAL-001',
      'WL-VAL-002',
      'WorkloadProfileNotFound',
    ]);
    // error_type values are not codes; every code and reason has an entry.
    const missing = codes.filter(
      (c) =>
        !c.endsWith('Error') && !c.endsWith('NotFound') && !catalogueEntry(c),
    );
    expect(missing).toEqual([]);
  });

  it('has one entry per code, each with a title, explanation and fix', () => {
    const entries = catalogueEntries();
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.title.length, entry.code).toBeGreaterThan(5);
      expect(entry.explanation.length, entry.code).toBeGreaterThan(40);
      expect(entry.fix.length, entry.code).toBeGreaterThan(20);
    }
  });

  it('points to the place to fix it', () => {
    expect(catalogueEntry('CrashLoopBackOff')?.next).toBe('logs');
    expect(catalogueEntry('OOMKilled')?.fix).toMatch(/memory limit/);
    expect(catalogueEntry('RES-PROV-001')?.next).toBe('diff');
    expect(catalogueEntry('WL-RES-001')?.next).toBe('workload');
    expect(catalogueEntry('nope')).toBeUndefined();
    expect(catalogueEntry(undefined)).toBeUndefined();
  });
});
