import { lazy, Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { TAB_FOCUS_KEYS, type CodeEditorProps } from './code-editor-types';

export type {
  CodeEditorProps,
  EditorHandle,
  EditorMarker,
} from './code-editor-types';

const MonacoCodeEditor = lazy(() => import('./code-editor-monaco'));

/**
 * The console's code editor (Monaco, bundled, loaded only when a page shows
 * an editor). JSON documents get syntax diagnostics, completion and hover
 * docs from `jsonSchema`; `markers` pins the caller's own problems to lines.
 */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <>
      <Suspense
        fallback={
          <div style={{ height: props.height ?? 400 }}>
            <Skeleton rows={8} label="Loading the editor" />
          </div>
        }
      >
        <MonacoCodeEditor {...props} />
      </Suspense>
      {!props.readOnly && (
        <p className="field__hint code-editor__keys">
          In the editor, Tab indents: press <kbd>{TAB_FOCUS_KEYS}</kbd> so that
          Tab moves focus on to the rest of the page.
        </p>
      )}
    </>
  );
}
