import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../core/canonical';
import { planClone } from './plan';
import type { Json } from '../core/model/spec';
import { makeSet } from '../sets/ops';
import { sampleSet, setArb } from '../../fixtures/test-arbitraries';

/** Two sets and a random selection drawn from the ids of both. */
const caseArb = fc.tuple(setArb, setArb).chain(([source, target]) => {
  const moduleIds = [
    ...new Set([
      ...Object.keys(source.modules),
      ...Object.keys(target.modules),
    ]),
  ];
  const sharedIds = [
    ...new Set([...Object.keys(source.shared), ...Object.keys(target.shared)]),
  ];
  return fc.record({
    source: fc.constant(source),
    target: fc.constant(target),
    modules: fc.subarray(moduleIds),
    shared: fc.subarray(sharedIds),
  });
});

const same = (a: unknown, b: unknown) => jsonEqual(a as Json, b as Json);

describe('planClone', () => {
  it("partial: only the selected workloads and shared resources change in the target; they become the source's", () => {
    fc.assert(
      fc.property(caseArb, ({ source, target, modules, shared }) => {
        const { result } = planClone(source, target, {
          mode: 'partial',
          modules,
          shared,
        });
        const ids = new Set([
          ...Object.keys(source.modules),
          ...Object.keys(target.modules),
        ]);
        for (const id of ids) {
          const expected = modules.includes(id)
            ? source.modules[id]
            : target.modules[id];
          expect(same(result.modules[id], expected)).toBe(true);
        }
        const names = new Set([
          ...Object.keys(source.shared),
          ...Object.keys(target.shared),
        ]);
        for (const name of names) {
          const expected = shared.includes(name)
            ? source.shared[name]
            : target.shared[name];
          expect(same(result.shared[name], expected)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('partial with nothing selected leaves the target as it is', () => {
    fc.assert(
      fc.property(setArb, setArb, (source, target) => {
        expect(
          planClone(source, target, {
            mode: 'partial',
            modules: [],
            shared: [],
          }).result.id,
        ).toBe(target.id);
      }),
    );
  });

  it('full: the target becomes the source set, and losses name what only the target had', () => {
    fc.assert(
      fc.property(setArb, setArb, (source, target) => {
        const plan = planClone(source, target, {
          mode: 'full',
          modules: [],
          shared: [],
        });
        expect(plan.result.id).toBe(source.id);
        expect(plan.losses.modules).toEqual(
          Object.keys(target.modules)
            .filter((id) => !source.modules[id])
            .sort(),
        );
        expect(plan.losses.shared).toEqual(
          Object.keys(target.shared)
            .filter((n) => !Object.hasOwn(source.shared, n))
            .sort(),
        );
      }),
    );
  });

  it('lists the items of both sets with their change and the private resources of cloned workloads', () => {
    const target = makeSet({
      modules: { old: sampleSet.modules.api },
      shared: { cache: { type: 'redis' } },
    });
    const plan = planClone(sampleSet, target, {
      mode: 'partial',
      modules: ['api'],
      shared: [],
    });
    expect(plan.items).toEqual([
      { kind: 'module', id: 'api', change: 'added' },
      { kind: 'module', id: 'old', change: 'removed' },
      { kind: 'shared', id: 'cache', change: 'removed' },
      { kind: 'shared', id: 'dns', change: 'added' },
    ]);
    expect(Object.keys(plan.delta.modules.add)).toEqual(['api']);
    expect(plan.delta.modules.remove).toEqual([]);
    expect(plan.losses).toEqual({ modules: ['old'], shared: ['cache'] });
    expect(plan.privateResources).toEqual(
      Object.entries(sampleSet.modules.api.externals).map(([name, ref]) => ({
        workload: 'api',
        name,
        type: ref.type,
      })),
    );
    expect(plan.privateResources.length).toBeGreaterThan(0);
  });
});
