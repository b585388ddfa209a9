import { useRef } from 'react';
import {
  CodeEditor,
  type EditorHandle,
} from '@/components/editors/code-editor';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import {
  ANNOTATED_SCHEMA_META,
  ANNOTATED_SCHEMA_META_ID,
} from '@/lib/schema-annotations-meta';
import { ProblemsList } from './problems-list';
import type { PlacedProblem } from '../hooks/use-designer-analysis';

const META = { uri: ANNOTATED_SCHEMA_META_ID, schema: ANNOTATED_SCHEMA_META };

interface SchemaEditorPanelProps {
  text: string;
  onChange: (text: string) => void;
  problems: PlacedProblem[];
  /** Model path, unique per profile. */
  path: string;
  readOnly: boolean;
  /** A profile not created yet (its "published" text is the starting point). */
  isNew: boolean;
  draft: {
    dirty: boolean;
    restoredAt?: string;
    savedAt?: string;
    discard: () => void;
  };
}

/** The profile schema in Monaco, with its problems pinned to lines and listed below. */
export function SchemaEditorPanel({
  text,
  onChange,
  problems,
  path,
  readOnly,
  isNew,
  draft,
}: SchemaEditorPanelProps) {
  const state = readOnly
    ? 'Read-only'
    : draft.savedAt
      ? 'Draft saved in this browser'
      : draft.dirty
        ? 'Unpublished changes'
        : isNew
          ? 'Not created yet'
          : 'Published';
  const editor = useRef<EditorHandle | null>(null);
  return (
    <Panel
      titleId="schema-heading"
      title="Schema"
      className="designer__editor"
      actions={
        <>
          <span className="muted" aria-live="polite">
            {state}
          </span>
          {!readOnly && draft.dirty && (
            <button
              type="button"
              className="button button--small"
              onClick={draft.discard}
            >
              Discard draft
            </button>
          )}
        </>
      }
    >
      <PanelBody className="stack">
        {draft.restoredAt && (
          <p role="status" className="notice">
            Restored your unpublished draft from{' '}
            <RelativeTime iso={draft.restoredAt} ticking={false} />.
          </p>
        )}
        <CodeEditor
          value={text}
          onChange={onChange}
          language="json"
          label="Profile schema (JSON)"
          path={path}
          jsonSchema={META}
          markers={problems}
          readOnly={readOnly}
          height={460}
          onReady={(handle) => (editor.current = handle)}
        />
        <p className="muted designer__hint">
          <kbd>Ctrl</kbd>+<kbd>Space</kbd> completes keywords and{' '}
          <code>x-console-*</code> annotations; <kbd>Ctrl</kbd>+<kbd>M</kbd>{' '}
          lets <kbd>Tab</kbd> leave the editor.
        </p>
        <ProblemsList
          problems={problems}
          onSelect={(p) => editor.current?.reveal(p.startLine, p.startColumn)}
        />
      </PanelBody>
    </Panel>
  );
}
