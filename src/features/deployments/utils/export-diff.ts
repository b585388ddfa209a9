/**
 * The manifest diff of two exports: which Operator objects a deployment
 * added, removed or changed against the previous export, each with its YAML
 * before and after. The engine writes exports deterministically (one document
 * per object, sorted, the same bytes for the same object), so an object is
 * unchanged exactly when its document's text is; no YAML is parsed here, only
 * each document's `kind` and `metadata.name`/`namespace` lines are read. That
 * keeps two 500-workload exports (thousands of documents) to a few
 * milliseconds; the text diff of a changed object is rendered only when its
 * card is shown.
 *
 * The embedded engine's exports name no deployment in their objects (the
 * commit's trailers do); an export whose objects carry the deployment and
 * set that wrote it (labels `humanitec.io/deployment`, `humanitec.io/set`,
 * annotations `humanitec.io/deployment-id`, `humanitec.io/set-id`, as earlier
 * versions wrote) would differ in every object: those lines are left out of
 * the comparison (an object whose only change is its stamps is unchanged),
 * and kept in the text shown.
 */
import type { EntryKind } from '@/lib/diff/diff-model';

/** One object of an export: its identity and its YAML document. */
export interface ExportDocument {
  /** `Kind/namespace/name`, unique in the export. */
  key: string;
  kind: string;
  name: string;
  namespace?: string;
  text: string;
  /** The text without the deployment's stamps: what is compared. */
  body: string;
}

/** An object of the comparison. */
export interface ExportDiffEntry {
  key: string;
  kind: string;
  name: string;
  namespace?: string;
  change: EntryKind;
  before?: string;
  after?: string;
}

export interface ExportDiff {
  /** Added, removed and changed objects, in the export's order (kind, then name). */
  entries: ExportDiffEntry[];
  counts: Record<EntryKind, number>;
  /** Objects in the newer export. */
  total: number;
}

const SEPARATOR = /^---(\s.*)?$/;
const TOP_KEY = /^([A-Za-z_][\w.-]*):\s*(.*)$/;
const META_KEY = /^ {2}(name|namespace):\s*(.*)$/;
/** A label or annotation naming the deployment or set that wrote the object. */
const STAMP = /^ {4}humanitec\.io\/(deployment|deployment-id|set|set-id):/;

/** A YAML scalar as written on one line: quotes removed, a trailing comment dropped. */
function scalar(raw: string) {
  const quoted = /^\s*(['"])(.*?)\1\s*(#.*)?$/.exec(raw);
  if (quoted) return quoted[2] ?? '';
  return raw.replace(/\s+#.*$/, '').trim();
}

/** Reads a document's kind and metadata name and namespace from its top-level lines. */
function identify(lines: readonly string[]) {
  let kind = '';
  let name = '';
  let namespace: string | undefined;
  let inMetadata = false;
  for (const line of lines) {
    const top = TOP_KEY.exec(line);
    if (top) {
      inMetadata = top[1] === 'metadata';
      if (top[1] === 'kind') kind = scalar(top[2] ?? '');
      continue;
    }
    if (!inMetadata) continue;
    const meta = META_KEY.exec(line);
    if (meta?.[1] === 'name' && !name) name = scalar(meta[2] ?? '');
    if (meta?.[1] === 'namespace' && namespace === undefined)
      namespace = scalar(meta[2] ?? '');
  }
  return { kind, name, namespace };
}

/** Whether a document holds anything besides blank lines and comments. */
const hasContent = (lines: readonly string[]) =>
  lines.some((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));

/** The documents of a YAML stream, each with a unique key (a repeated identity gets `#2`, `#3`…). */
export function splitExport(yaml: string): ExportDocument[] {
  const documents: ExportDocument[] = [];
  const seen = new Map<string, number>();
  let lines: string[] = [];
  const flush = () => {
    if (hasContent(lines)) {
      const { kind, name, namespace } = identify(lines);
      const identity = `${kind || 'Object'}/${namespace ?? ''}/${name || `#${documents.length + 1}`}`;
      const count = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, count);
      const text = `${lines.join('\n').replace(/\s+$/, '')}\n`;
      documents.push({
        key: count === 1 ? identity : `${identity}#${count}`,
        kind: kind || 'Object',
        name: name || `document ${documents.length + 1}`,
        ...(namespace !== undefined ? { namespace } : {}),
        text,
        body: lines.some((line) => STAMP.test(line))
          ? lines
              .filter((line) => !STAMP.test(line))
              .join('\n')
              .trimEnd()
          : text.trimEnd(),
      });
    }
    lines = [];
  };
  for (const line of yaml.split(/\r?\n/)) {
    if (SEPARATOR.test(line)) flush();
    else if (line !== '...') lines.push(line);
  }
  flush();
  return documents;
}

/**
 * Compares the previous export (`undefined`: the first export, every object
 * added) with this one: objects in this one's order, then the removed ones.
 */
export function diffExports(
  before: string | undefined,
  after: string,
): ExportDiff {
  const previous = new Map(
    (before === undefined ? [] : splitExport(before)).map((d) => [d.key, d]),
  );
  const current = splitExport(after);
  const counts: Record<EntryKind, number> = {
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
  };
  const entries: ExportDiffEntry[] = [];
  const identity = (d: ExportDocument) => ({
    key: d.key,
    kind: d.kind,
    name: d.name,
    ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
  });
  for (const doc of current) {
    const old = previous.get(doc.key);
    previous.delete(doc.key);
    if (!old) {
      counts.added += 1;
      entries.push({ ...identity(doc), change: 'added', after: doc.text });
    } else if (old.body !== doc.body) {
      counts.changed += 1;
      entries.push({
        ...identity(doc),
        change: 'changed',
        before: old.text,
        after: doc.text,
      });
    } else counts.unchanged += 1;
  }
  for (const old of previous.values()) {
    counts.removed += 1;
    entries.push({ ...identity(old), change: 'removed', before: old.text });
  }
  return { entries, counts, total: current.length };
}

/** The last comparisons made: a deployment page opened again, or one compared while idle, shows without computing. */
const recent: {
  before: string | undefined;
  after: string;
  diff: ExportDiff;
}[] = [];
const RECENT_DIFFS = 4;

/**
 * {@link diffExports}, remembered for the last few pairs of exports (the
 * query cache hands the page the same strings). The environment page has its
 * newest deployment's diff computed while the browser is idle
 * (export-prefetch.ts), so opening it costs no comparison (about 45 ms for two
 * 500-workload exports on a busy machine).
 */
export function diffExportsCached(
  before: string | undefined,
  after: string,
): ExportDiff {
  const hit = recent.find((r) => r.after === after && r.before === before);
  if (hit) return hit.diff;
  const diff = diffExports(before, after);
  recent.unshift({ before, after, diff });
  recent.length = Math.min(recent.length, RECENT_DIFFS);
  return diff;
}

/** Above this many changed objects (or for a first export) the cards start collapsed: the summary and names come first. */
export const EXPANDED_LIMIT = 25;
/** The first cards render their text diff at once, wherever they are on the page; the rest when scrolled near. */
export const EAGER_CARDS = 3;

/** What a changed object's card hands its text diff (the file name, both YAML texts, the default view). */
export function entryDiffInput(entry: ExportDiffEntry) {
  return {
    name: `${entry.kind}-${entry.name}.yaml`,
    before: entry.before ?? '',
    after: entry.after ?? '',
    layout: 'unified' as const,
    context: 'compact' as const,
  };
}

/** The changed objects whose text diff shows as soon as the diff does: the first cards, when they start open. */
export function diffsShownFirst(diff: ExportDiff, firstExport: boolean) {
  if (firstExport || diff.entries.length > EXPANDED_LIMIT) return [];
  return diff.entries
    .slice(0, EAGER_CARDS)
    .filter((entry) => entry.change === 'changed');
}
