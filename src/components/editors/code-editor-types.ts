/** A problem shown in the editor, on its range (lines and columns start at 1). */
export interface EditorMarker {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

/** What a parent can do with a mounted editor. */
export interface EditorHandle {
  /** Moves the cursor to a position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
}

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: 'json' | 'yaml';
  /** Accessible name of the editor. */
  label: string;
  /** Model URI; schemas are associated with it (e.g. `inmemory://console/profile.json`). */
  path: string;
  /** A JSON Schema for completion and hover docs of this document (JSON only). */
  jsonSchema?: { uri: string; schema: object };
  /** Problems to pin to their lines, besides Monaco's own syntax diagnostics. */
  markers?: EditorMarker[];
  height?: number | string;
  readOnly?: boolean;
  onReady?: (handle: EditorHandle) => void;
}

/** The keys that toggle Monaco's tab focus mode (Tab then moves focus instead of indenting): Ctrl+Shift+M on a Mac. */
export const TAB_FOCUS_KEYS =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
    ? 'Ctrl+Shift+M'
    : 'Ctrl+M';
