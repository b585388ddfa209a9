import {
  DiffEditor as MonacoDiff,
  type DiffOnMount,
} from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import type { DiffEditorProps } from './diff-editor-types';
import { DIFF_THEMES, defineDiffThemes } from './monaco-setup';

/** The page's theme (data-theme on <html>), followed live. */
function useDocumentTheme() {
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

/** The Monaco half of DiffEditor (lazily loaded). */
export default function MonacoDiffEditor({
  original,
  modified,
  language = 'yaml',
  label,
  sideBySide = true,
  height = 480,
}: DiffEditorProps) {
  const theme = useDocumentTheme();
  const models =
    useRef<ReturnType<Parameters<DiffOnMount>[0]['getModel']>>(null);
  useEffect(
    () => () => {
      // Kept by the wrapper (see below): dispose them once the widget is gone.
      const kept = models.current;
      setTimeout(() => {
        kept?.original.dispose();
        kept?.modified.dispose();
      });
    },
    [],
  );
  return (
    <div className="diff-editor" role="group" aria-label={label}>
      <MonacoDiff
        original={original}
        modified={modified}
        language={language}
        theme={theme}
        height={height}
        loading={<Skeleton rows={8} label="Loading the diff editor" />}
        // The wrapper disposes the models before the widget on unmount, which Monaco reports as an error.
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        beforeMount={defineDiffThemes}
        onMount={(editor) => {
          models.current = editor.getModel();
          // The diff options originalAriaLabel/modifiedAriaLabel do not reach the two editors at creation.
          const before = editor.getOriginalEditor();
          before.updateOptions({ ariaLabel: `${label}: before` });
          editor
            .getModifiedEditor()
            .updateOptions({ ariaLabel: `${label}: after` });
          // Monaco turns wrapping off for the "before" side while it shows one column (narrow at first, as it
          // mounts) and does not turn it back on when it switches to two: do it whenever that side is shown.
          const rewrap = () => {
            if (before.getLayoutInfo().width > 0)
              before.updateOptions({ wordWrapOverride2: 'inherit' });
          };
          before.onDidLayoutChange(rewrap);
          rewrap();
        }}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: sideBySide,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          ariaLabel: label,
          // Long lines wrap, so a change at the end of a line is in sight.
          wordWrap: 'on',
          diffWordWrap: 'on',
          // ...after spaces, slashes and punctuation, but never inside a version (Monaco's default breaks after
          // '.', so `cart:1.1.0-rc.1` became `cart:1.` / `1.0-rc.1`).
          wordWrapBreakAfterCharacters: ' \t})]/,;',
          renderOverviewRuler: false,
          hideUnchangedRegions: { enabled: true },
        }}
      />
    </div>
  );
}
