import { useDeferredValue, useMemo, useState } from 'react';
import {
  SchemaForm,
  type ResourceOption,
} from '@/components/editors/schema-form';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { labelledMessage } from '@/lib/json-schema/labels';
import { specIssues } from '@/lib/json-schema/schema-validator';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { pruneHiddenValues } from '@/lib/schema-prune';
import { validationStatus } from '@/lib/status';
import { fieldLabel } from '../utils/field-errors';
import { maskSecrets } from '../utils/secrets';

interface PreviewPanelProps {
  schema?: SchemaObject;
  stale: boolean;
  /** The data the preview starts with (and returns to on reset). */
  sample?: unknown;
  resources: ResourceOption[];
}

/** The generated form, validated live in the browser, and the JSON it produces. */
export function PreviewPanel({
  schema,
  stale,
  sample,
  resources,
}: PreviewPanelProps) {
  const [formData, setFormData] = useState<unknown>(() =>
    structuredClone(sample ?? {}),
  );
  // The form answers the keystroke first; the output and its verdict follow in a deferred render.
  const settled = useDeferredValue(formData);
  const output = useMemo(
    () => (schema ? pruneHiddenValues(schema, settled) : undefined),
    [schema, settled],
  );
  // The preview data's own problems (the schema's are under the editor): said in words, not only counted, since
  // the form shows a field's error only once it was touched.
  const problems = useMemo(
    () =>
      schema
        ? specIssues(schema, output).map(({ path, message }) => {
            const label = fieldLabel(path, schema);
            const last = label.split(' › ').at(-1) ?? '';
            // "Owning team is required" names the field once; another message follows its label.
            const said = labelledMessage(last, message);
            return last && said.startsWith(last)
              ? label + said.slice(last.length)
              : `${label}: ${said}`;
          })
        : [],
    [schema, output],
  );
  const shown = useMemo(
    () =>
      schema ? JSON.stringify(maskSecrets(schema, output) ?? {}, null, 2) : '',
    [schema, output],
  );
  return (
    <>
      <Panel
        titleId="preview-heading"
        title="Preview"
        actions={
          <>
            {/* The verdict on the preview's data; with schema errors it would read as one on the schema. */}
            {schema && !stale && (
              <StatusBadge
                status={validationStatus(problems.length, 'Preview data')}
              />
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => setFormData(structuredClone(sample ?? {}))}
            >
              Reset preview data
            </button>
          </>
        }
      >
        <PanelBody className="stack">
          {stale && (
            <p role="status" className="notice">
              The schema has errors: the preview shows the last schema without
              errors.
            </p>
          )}
          {schema && !stale && problems.length > 0 && (
            <div className="muted">
              The preview data is not valid yet:
              <ul aria-label="Problems of the preview data">
                {problems.map((problem, i) => (
                  // By position: two problems can read alike.
                  <li key={i}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          {schema ? (
            <SchemaForm
              schema={schema}
              formData={formData}
              onChange={setFormData}
              liveValidate
              idPrefix="preview"
              label="Preview of the generated form"
              formContext={{ resources }}
            />
          ) : (
            <EmptyState title="Nothing to preview yet">
              Fix the errors listed under the schema to see its form.
            </EmptyState>
          )}
        </PanelBody>
      </Panel>
      <Panel
        titleId="output-heading"
        title="Output"
        actions={
          <span className="muted">
            What the form submits: values hidden by a condition are left out,
            secrets masked.
          </span>
        }
      >
        <pre
          className="designer__output"
          tabIndex={0}
          aria-label="JSON the form produces"
        >
          {shown}
        </pre>
      </Panel>
    </>
  );
}
