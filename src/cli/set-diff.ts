/**
 * Two deployments' sets as canonical, masked YAML (src/lib/diff, the same
 * text the console's diff view shows) and their unified diff.
 */
import { createTwoFilesPatch } from 'diff';
import { maskedYaml } from '@/lib/diff/canonical-yaml';

/** The parts of a set the diff reads (loosely typed: the generated ModuleResponse type is not satisfiable, see mocks/handlers/kit.ts). */
export interface SetContent {
  modules: Record<string, unknown>;
  shared?: unknown;
}

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

/** Masked canonical YAML of a set: `modules:` (workloads by id) then `shared:`, as the console's diff shows it. */
export function setYamlText(set: SetContent): string {
  const modules = Object.keys(set.modules)
    .sort()
    .map((id) => `  ${id}:\n${indent(maskedYaml(set.modules[id]), 4)}`)
    .join('');
  return `modules:\n${modules}shared:\n${indent(maskedYaml(set.shared ?? {}), 2)}`;
}

/** A unified diff (`---`/`+++` headers named after the deployments); empty when the sets are equal. */
export function unifiedSetDiff(
  from: { label: string; set: SetContent },
  to: { label: string; set: SetContent },
  context = 3,
): string {
  const a = setYamlText(from.set);
  const b = setYamlText(to.set);
  if (a === b) return '';
  return createTwoFilesPatch(from.label, to.label, a, b, undefined, undefined, {
    context,
  }).replace(/^=+\n/, '');
}
