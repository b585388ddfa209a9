import type { ItemKind, SearchItem } from './search-items';

/** Where the palette is: searching everything, or the second step of an action. */
export type PaletteStep =
  | { kind: 'root' }
  | {
      kind: 'pick-env';
      action:
        | 'deploy'
        | 'compare'
        | 'clone'
        | 'score'
        | 'run-local'
        | 'shell'
        | 'logs'
        | 'open';
    }
  | {
      kind: 'pick-workload';
      appId: string;
      envId: string;
      envLabel: string;
      /** What choosing the workload does: open its editor (default), its "Run locally" or a shell in it. */
      action?: 'deploy' | 'run-local' | 'shell';
    }
  | { kind: 'pick-app'; action: 'create-env' };

export const ROOT_STEP: PaletteStep = { kind: 'root' };

const ENV_PROMPTS = {
  deploy: 'Deploy to which environment?',
  compare: 'Compare deployments of which environment?',
  clone: 'Clone from which environment?',
  score: 'Deploy the Score file to which environment?',
  'run-local': 'Run a workload of which environment locally?',
  shell: 'Open a shell in a workload of which environment?',
  logs: 'Logs and events of which environment?',
  open: 'Go to which environment?',
} as const;

/** The prompt (placeholder) and the chip text of a step. */
export function stepText(step: PaletteStep): { prompt: string; chip?: string } {
  switch (step.kind) {
    case 'root':
      return {
        prompt: 'Search apps, environments, deployments, workloads, settings…',
      };
    case 'pick-env':
      return {
        prompt: ENV_PROMPTS[step.action],
        chip: {
          deploy: 'Deploy…',
          compare: 'Compare deployments…',
          clone: 'Clone to…',
          score: 'Deploy a Score file…',
          'run-local': 'Run locally…',
          shell: 'Open shell in…',
          logs: 'Logs and events of…',
          open: 'Environments',
        }[step.action],
      };
    case 'pick-workload':
      return {
        prompt: `Which workload of ${step.envLabel}?`,
        chip: `${{ 'run-local': 'Run locally…', shell: 'Open shell in…', deploy: 'Deploy…' }[step.action ?? 'deploy']} › ${step.envLabel}`,
      };
    case 'pick-app':
      return {
        prompt: 'Create an environment in which app?',
        chip: 'Create environment',
      };
  }
}

/** The kinds a step lists, and shows in full for the empty query. */
export function stepKinds(step: PaletteStep): ItemKind[] {
  switch (step.kind) {
    case 'root':
      // What waits for you first (nothing while nothing waits), then the actions, pages and apps.
      return ['approval', 'action', 'page', 'app'];
    case 'pick-env':
      return ['env'];
    case 'pick-workload':
      return ['workload'];
    case 'pick-app':
      return ['app'];
  }
}

/**
 * The items a step searches, taken from all items: environments (those of the
 * current app first), the workloads of the chosen environment, or apps (the
 * current one first).
 */
export function stepItems(
  all: readonly SearchItem[],
  step: PaletteStep,
  currentAppId?: string,
): readonly SearchItem[] {
  switch (step.kind) {
    case 'root':
      return all;
    case 'pick-env': {
      const envs = all.filter((i) => i.kind === 'env');
      if (!currentAppId) return envs;
      return [
        ...envs.filter((i) => i.appId === currentAppId),
        ...envs.filter((i) => i.appId !== currentAppId),
      ];
    }
    case 'pick-workload':
      return all.filter(
        (i) =>
          i.kind === 'workload' &&
          i.appId === step.appId &&
          i.envId === step.envId,
      );
    case 'pick-app': {
      const apps = all.filter((i) => i.kind === 'app');
      const current = apps.find((i) => i.appId === currentAppId);
      return current ? [current, ...apps.filter((i) => i !== current)] : apps;
    }
  }
}
