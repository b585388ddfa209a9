/**
 * The one place that loads Monaco: the bundled copy (never a CDN, the console
 * works offline), JSON language with its worker, YAML highlighting. Import it
 * only from lazily loaded editor components, so Monaco never lands on the
 * first route. Features use CodeEditor / DiffEditor, never this module.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/yaml/register';
// Every editor contribution with its services, registered before Monaco's services start. The JSON mode, loaded
// on first use, imports them all anyway (through monaco-editor's internal/common/workers); registered only then,
// after the first editor had started the services, the next editor's contributions found their services missing
// ("CodeLensContribution depends on UNKNOWN service ICodeLensCache", seen when a designer page was opened again).
import 'monaco-editor/internal/common/workers';
// The icon font (folding arrows, "hidden lines" toggles); otherwise it only comes with the JSON mode's CSS.
import 'monaco-editor/features/codicon/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  // Without the JSON worker for label `json`, JSON diagnostics silently never run.
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

loader.config({ monaco });

/**
 * The editors' themes (code and diff): Monaco's own removed/inserted backgrounds (#ffcccb…) leave YAML keys (#008080)
 * at 3.35:1, and vs-dark's comments (#608b4e) are 4.2:1 on its background; these use the console's status backgrounds
 * and token colours that pass 4.5:1 there (axe: color-contrast).
 */
export const DIFF_THEMES = {
  light: 'console-diff-light',
  dark: 'console-diff-dark',
} as const;

/**
 * Defines DIFF_THEMES. Call it from an editor's beforeMount, never at import: defining a theme starts Monaco's
 * services, and contributions imported after that (suggest, …) would then miss theirs.
 */
export function defineDiffThemes() {
  monaco.editor.defineTheme(DIFF_THEMES.light, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'type', foreground: '005f5f' },
      { token: 'number', foreground: '07704a' },
      { token: 'comment', foreground: '206b20' },
    ],
    colors: {
      'editorLineNumber.foreground': '#59616d',
      'diffEditor.removedLineBackground': '#fdecea',
      'diffEditor.removedTextBackground': '#f9d6d2',
      'diffEditor.insertedLineBackground': '#e6f4ea',
      'diffEditor.insertedTextBackground': '#cdeacf',
    },
  });
  monaco.editor.defineTheme(DIFF_THEMES.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '7cb4f5' },
      { token: 'comment', foreground: '8fbf7a' },
    ],
    colors: {
      'editorLineNumber.foreground': '#a3abb6',
      'diffEditor.removedLineBackground': '#3a1f1d',
      'diffEditor.removedTextBackground': '#4a2421',
      'diffEditor.insertedLineBackground': '#16301f',
      'diffEditor.insertedTextBackground': '#1c3d27',
    },
  });
}

export { monaco };
