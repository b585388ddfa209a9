import Editor, { type OnMount } from '@monaco-editor/react';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeEditorProps } from './code-editor-types';
import './monaco-contributions';
import { monaco } from './monaco-setup';

type StandaloneEditor = Parameters<OnMount>[0];

// Every mounted JSON editor's schema; Monaco's JSON defaults hold one list for all models.
const schemas = new Map<
  string,
  { uri: string; fileMatch: string[]; schema: object }
>();

function applySchemas() {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    // A document's own $schema (e.g. draft 2020-12) is not fetched: no warning about it.
    schemaRequest: 'ignore',
    // Completion and hover come from the schemas; problems come from the caller's markers
    // (the console's checks, which the engine runs too), so Monaco does not report them twice.
    schemaValidation: 'ignore',
    schemas: [...schemas.values()],
  });
}

function useDocumentTheme() {
  const read = () =>
    document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs';
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/** The Monaco implementation of CodeEditor (loaded lazily). */
export default function MonacoCodeEditor(props: CodeEditorProps) {
  const {
    value,
    onChange,
    language,
    label,
    path,
    jsonSchema,
    markers,
    height = 400,
    readOnly,
    onReady,
  } = props;
  const theme = useDocumentTheme();
  const editorRef = useRef<StandaloneEditor | null>(null);
  const [mounted, setMounted] = useState(false);
  // What the editor itself last reported: a `value` prop equal to it is an echo, not a new text.
  const emitted = useRef(value);

  // The editor owns its text while the user types; only a text set from outside (a version
  // opened, a draft discarded) replaces it. A controlled `value` that lags behind fast typing
  // would otherwise overwrite newer keystrokes and throw the cursor to the end.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || value === emitted.current || value === editor.getValue())
      return;
    emitted.current = value;
    editor.executeEdits('console', [
      { range: editor.getModel()!.getFullModelRange(), text: value },
    ]);
    editor.pushUndoStop();
  }, [value, mounted]);

  useEffect(() => {
    if (!jsonSchema) return;
    schemas.set(path, {
      uri: jsonSchema.uri,
      fileMatch: [path],
      schema: jsonSchema.schema,
    });
    applySchemas();
    return () => {
      schemas.delete(path);
      applySchemas();
    };
  }, [path, jsonSchema]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'console',
      (markers ?? []).map((m) => ({
        startLineNumber: m.startLine,
        startColumn: m.startColumn,
        endLineNumber: m.endLine,
        endColumn: Math.max(m.endColumn, m.startColumn + 1),
        message: m.message,
        severity:
          m.severity === 'error'
            ? monaco.MarkerSeverity.Error
            : monaco.MarkerSeverity.Warning,
      })),
    );
  }, [markers, mounted]);

  // A new options object on every render would make Monaco re-apply them each time.
  const options = useMemo(
    () => ({
      ariaLabel: label,
      readOnly,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      quickSuggestions: { strings: true, other: true, comments: false },
      wordWrap: 'on' as const,
      // Monaco dims the number of the empty line after a final newline to a contrast of 1.75:1 (axe: color-contrast).
      renderFinalNewline: 'on' as const,
    }),
    [label, readOnly],
  );

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    setMounted(true);
    onReady?.({
      reveal(line, column) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.focus();
      },
    });
  };

  return (
    <Editor
      height={height}
      language={language}
      path={path}
      defaultValue={value}
      theme={theme}
      onChange={(next) => {
        emitted.current = next ?? '';
        onChange(next ?? '');
      }}
      onMount={onMount}
      loading={<span className="muted">Loading the editor…</span>}
      options={options}
    />
  );
}
