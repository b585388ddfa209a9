import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ApiError } from '@/api/client';

/**
 * A refusal of a Score file, in the file's own terms. The API names fields by their path in the request, where the
 * file is `spec` (`spec.containers.web.image`); the person who typed the file has no `spec` level, so the page
 * names them from the file's root (`containers.web.image`) and says on which line each is.
 */
export interface FileProblem {
  /** The dotted path in the file, e.g. `containers.web.image`. */
  path: string;
  /** What is wrong, when the API listed it (`is required`); else the whole message says it. */
  message?: string;
  /** The 1-based line of the field, or of its nearest parent that is in the file (a missing field's). */
  line?: number;
}

/** The request field that holds the Score file. */
const FILE = 'spec.';

/** The Score file's problems an API refusal names (none when it names none in the file). */
export function fileProblems(error: unknown, text: string): FileProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.body.details;
  const listed: { field: string; message?: string }[] = [];
  if (Array.isArray(details?.errors)) {
    for (const item of details.errors as unknown[]) {
      if (
        item &&
        typeof item === 'object' &&
        typeof (item as { field?: unknown }).field === 'string'
      ) {
        const { field, message } = item as { field: string; message?: unknown };
        listed.push({
          field,
          ...(typeof message === 'string' ? { message } : {}),
        });
      }
    }
  } else if (typeof details?.field === 'string') {
    listed.push({ field: details.field });
  }
  const inFile = listed.filter((p) => p.field.startsWith(FILE));
  if (inFile.length === 0) return [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return inFile.map(({ field, message }) => {
    const path = field.slice(FILE.length);
    const offset = offsetOf(doc.contents, path);
    return {
      path,
      ...(message === undefined ? {} : { message }),
      ...(offset === undefined ? {} : { line: lines.linePos(offset).line }),
    };
  });
}

/**
 * Where the field at the dotted `path` starts in the file, or its nearest parent that is there. Keys may hold dots
 * (`files./etc/app.conf`): at each level the longest key that the rest of the path starts with is taken.
 */
function offsetOf(root: unknown, path: string): number | undefined {
  let node = root as Node | null | undefined;
  let offset = node?.range?.[0];
  let rest = path;
  while (rest !== '' && node) {
    let next:
      | { node: Node | null | undefined; key: Node | null; length: number }
      | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String(
          (pair.key as { value?: unknown } | null)?.value ?? pair.key,
        );
        const matches = rest === key || rest.startsWith(`${key}.`);
        if (matches && (!next || key.length > next.length))
          next = {
            node: pair.value as Node | null,
            key: pair.key as Node | null,
            length: key.length,
          };
      }
    } else if (isSeq(node)) {
      const index = /^(\d+)(?:\.|$)/.exec(rest);
      if (index)
        next = {
          node: node.items[Number(index[1])] as Node | null,
          key: null,
          length: index[1].length,
        };
    }
    if (!next) break;
    offset = next.key?.range?.[0] ?? next.node?.range?.[0] ?? offset;
    node = next.node;
    rest = rest.slice(next.length + 1);
  }
  return offset;
}

/** The API's message in the file's terms: each `spec.…` path named from the file's root. */
export function inFileTerms(message: string): string {
  return message.replace(/`spec\.([^`]+)`/g, '`$1`');
}
