import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  CodeEditor,
  type EditorHandle,
} from '@/components/editors/code-editor';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useSavePipeline } from '../mutations';
import { usePipelineSchema } from '../queries';
import { validatePipelineYaml } from '../utils/validate-yaml';
import { useYamlDraft } from '../hooks/use-yaml-draft';

interface PipelineEditorProps {
  orgId: string;
  appId: string;
  /** Undefined for a new pipeline. */
  pipelineId?: string;
  saved: string;
  /** The text a new pipeline starts from. */
  initial?: string;
  canEdit: boolean;
}

/** The pipeline's YAML in Monaco, validated against the organisation's pipeline schema as you type. */
export function PipelineEditor({
  orgId,
  appId,
  pipelineId,
  saved,
  initial,
  canEdit,
}: PipelineEditorProps) {
  const schema = usePipelineSchema(orgId);
  const draft = useYamlDraft(
    `console:pipeline-draft:${orgId}/${appId}/${pipelineId ?? 'new'}`,
    saved,
    initial,
  );
  const save = useSavePipeline(orgId, appId);
  const navigate = useNavigate();
  const editor = useRef<EditorHandle | null>(null);
  const problems = useMemo(
    () => (schema.data ? validatePipelineYaml(draft.text, schema.data) : []),
    [draft.text, schema.data],
  );
  const markers = problems.map((p) => ({
    startLine: p.line,
    startColumn: p.column,
    endLine: p.line,
    endColumn: p.column + 40,
    message: `${p.path}: ${p.message}`,
    severity: 'error' as const,
  }));
  const onSave = () =>
    save.mutate(
      { pipelineId, yaml: draft.text },
      {
        onSuccess: (pipeline) => {
          localStorage.removeItem(
            `console:pipeline-draft:${orgId}/${appId}/${pipelineId ?? 'new'}`,
          );
          if (!pipelineId) navigate(paths.pipeline(orgId, appId, pipeline.id));
        },
      },
    );
  return (
    <div className="stack">
      <CodeEditor
        value={draft.text}
        onChange={draft.setText}
        language="yaml"
        label="Pipeline definition (YAML)"
        path={`inmemory://console/pipelines/${appId}/${pipelineId ?? 'new'}.yaml`}
        markers={markers}
        height={420}
        readOnly={!canEdit}
        onReady={(handle) => (editor.current = handle)}
      />
      {schema.isPending && (
        <Skeleton rows={1} label="Loading the pipeline schema" />
      )}
      {schema.isError && (
        <ErrorPanel
          error={schema.error}
          action="load the pipeline schema"
          onRetry={() => schema.refetch()}
        />
      )}
      <div role="status" aria-live="polite">
        {schema.data &&
          (problems.length === 0 ? (
            <p className="muted">The definition matches the pipeline schema.</p>
          ) : null)}
      </div>
      {problems.length > 0 && (
        <section aria-labelledby="pipeline-problems">
          <h3 id="pipeline-problems">
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
          </h3>
          <ul className="stack">
            {problems.map((p) => (
              <li key={`${p.path}-${p.message}`}>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => editor.current?.reveal(p.line, p.column)}
                >
                  Line {p.line}
                </button>{' '}
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {save.isError && (
        <ErrorPanel error={save.error} action="save the pipeline" />
      )}
      <div className="row">
        <button
          type="button"
          className="button button--primary"
          disabled={
            !canEdit ||
            problems.length > 0 ||
            (pipelineId !== undefined && !draft.dirty) ||
            save.isPending
          }
          onClick={onSave}
        >
          {pipelineId ? 'Save a new version' : 'Create pipeline'}
        </button>
        {draft.dirty && (
          <button type="button" className="button" onClick={draft.discard}>
            Discard changes
          </button>
        )}
        {save.isSuccess && pipelineId && (
          <span role="status">Saved version {save.data.version}.</span>
        )}
        {!canEdit && (
          <span className="muted">
            You may not change this app’s pipelines.
          </span>
        )}
      </div>
    </div>
  );
}
