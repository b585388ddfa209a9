/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { FaultRule } from '../core/model/spec';
import type { Runners } from '../core/context';
import { FAULT_RULES } from './rules';

/** The documented fault rules. */
export interface FaultsEngine {
  /** The documented fault rules of the runtime simulation. */
  faultRules(): FaultRule[];
}

/** The faults methods over the engine's runners. */
export function faultMethods(_runners?: Runners): FaultsEngine {
  return {
    faultRules: () => structuredClone(FAULT_RULES),
  };
}
