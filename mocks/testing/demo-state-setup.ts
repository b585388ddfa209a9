/**
 * Vitest set-up file of both projects: test engines restore the demo state the
 * global set-up built (demo-state-global-setup.ts) instead of seeding it again.
 */
import { inject } from 'vitest';
import { setDemoStateSource } from './demo-state-source';

setDemoStateSource(() => inject('demoState'));
