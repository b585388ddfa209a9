import Editor, { type OnMount } from '@monaco-editor/react';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { useEffect, useMemo, useRef, useState } from 'react';
import { TAB_FOCUS_KEYS, type CodeEditorProps } from './code-editor-types';
import './monaco-contributions';
import { DIFF_THEMES, defineDiffThemes, monaco } from './monaco-setup';

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
  // The console's themes (Monaco's own with colours that pass WCAG AA: vs-dark's comments are 4.2:1 on its background).
  const read = () =>
    document.documentElement.dataset.theme === 'dark'
      ? DIFF_THEMES.dark
      : DIFF_THEMES.light;
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

/** How many reported texts wait for their echo at most (a lagging render is a few keystrokes behind). */
const MAX_PENDING_ECHOES = 200;

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
  // The texts the editor reported that the parent has not echoed back yet, oldest first: a
  // `value` prop equal to one of them is an echo, not a new text.
  const echoes = useRef<string[]>([]);
  // True while the editor takes a text set from outside: its own report of that text is no keystroke.
  const applying = useRef(false);

  // The editor owns its text while the user types; only a text set from outside (a version
  // opened, a draft discarded) replaces it. The `value` of a render lags behind fast typing: its
  // effect runs after the paint, and the next keystroke can come first (at 50 keys a second the
  // profile designer got "descri" after the editor had reported "descrip"). Such a value is one
  // the editor reported earlier: it, and every one before it, is dropped from `echoes`, never
  // written back over newer keystrokes (which would also throw the cursor to the end).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const pending = echoes.current;
    const echoed = pending.lastIndexOf(value);
    if (echoed >= 0) {
      pending.splice(0, echoed + 1);
      return;
    }
    if (value === editor.getValue()) return;
    pending.length = 0;
    applying.current = true;
    try {
      editor.executeEdits('console', [
        { range: editor.getModel()!.getFullModelRange(), text: value },
      ]);
    } finally {
      applying.current = false;
    }
    editor.pushUndoStop();
  }, [value, mounted]);

  // A text typed and undone before the page rendered it is never echoed: once the page holds what the
  // editor holds, nothing reported earlier can still come back (a later set to such a text is from outside).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (
      echoes.current.length > 0 &&
      model &&
      model.getValueLength() === value.length &&
      model.getValue() === value
    )
      echoes.current.length = 0;
  });

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
      // Tab indents in the editor: say how to leave it by keyboard (Monaco's tab focus mode), which Monaco's own
      // "Press Alt+F1" hint no longer says once the label is ours (WCAG 2.1.2, no keyboard trap).
      ariaLabel: readOnly
        ? label
        : `${label}. Tab indents; press ${TAB_FOCUS_KEYS} so that Tab moves focus out of the editor.`,
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
      beforeMount={defineDiffThemes}
      onChange={(next) => {
        if (applying.current) return;
        const pending = echoes.current;
        pending.push(next ?? '');
        // A parent that never echoes (a fixed `value`) would let the list grow: only recent ones can lag.
        if (pending.length > MAX_PENDING_ECHOES)
          pending.splice(0, pending.length - MAX_PENDING_ECHOES);
        onChange(next ?? '');
      }}
      onMount={onMount}
      loading={<span className="muted">Loading the editor…</span>}
      options={options}
    />
  );
}
