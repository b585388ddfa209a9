/**
 * The one place where the API's legacy names become the console's words
 * (the roadmap's Deployment Set v1.0 vocabulary; README has the glossary).
 * API `modules` = workloads, `externals` = private resources, `shared` = shared resources.
 */
export const vocabulary = {
  modules: { one: 'workload', many: 'workloads', title: 'Workloads' },
  externals: {
    one: 'private resource',
    many: 'private resources',
    title: 'Private resources',
  },
  shared: {
    one: 'shared resource',
    many: 'shared resources',
    title: 'Shared resources',
  },
  set: {
    one: 'deployment set',
    many: 'deployment sets',
    title: 'Deployment set',
  },
  delta: { one: 'change (delta)', many: 'changes (deltas)', title: 'Change' },
} as const;

/** "1 workload", "3 workloads". */
export function count(n: number, term: keyof typeof vocabulary) {
  const word = vocabulary[term];
  return `${n} ${n === 1 ? word.one : word.many}`;
}

/** A profile id without the `humanitec/` prefix, e.g. "default-module". */
export function profileLabel(profile: string) {
  return profile.replace(/^humanitec\//, '');
}
