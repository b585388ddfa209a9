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

export { monaco };
