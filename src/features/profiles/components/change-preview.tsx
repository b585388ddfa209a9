import { useState } from 'react';
import { ShortId } from '@/components/ui/short-id';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { SchemaObject } from '@/lib/json-schema/validate';
import type { PatchOp } from '../utils/json-patch';
import { SECRET_MASK, secretPointers } from '../utils/secrets';

interface ChangePreviewProps {
  deltaId: string;
  ops: PatchOp[];
  before: unknown;
  after: unknown;
  schema: SchemaObject;
  envId: string;
  envType: string;
  deploying: boolean;
  error: unknown;
  onDeploy: (comment: string) => void;
  onBack: () => void;
}

const show = (value: unknown) => (value === undefined ? '(nothing)' : JSON.stringify(value));

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const s of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[s.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** The saved change as field operations (the shared diff view can replace this list), then deploy. */
export function ChangePreview({ deltaId, ops, before, after, schema, envId, envType, deploying, error, onDeploy, onBack }: ChangePreviewProps) {
  const [comment, setComment] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const secrets = new Set([...secretPointers(schema, before), ...secretPointers(schema, after)].map((p) => `/spec${p}`));
  const mask = (path: string, value: unknown) => (secrets.has(path) && value !== undefined ? SECRET_MASK : show(value));
  const needsConfirmation = envType === 'production';
  const canDeploy = !deploying && (!needsConfirmation || confirmation === envId);
  return (
    <section className="panel" aria-labelledby="review-heading">
      <div className="panel__header">
        <h2 id="review-heading">Review the change</h2>
        <span className="muted">
          Saved as change <ShortId id={deltaId} label="change id" /> · {ops.length} field{ops.length === 1 ? '' : 's'}
        </span>
      </div>
      <div className="panel__body stack">
        <ul className="change-list" aria-label="Field changes">
          {ops.map((op) => (
            <li key={`${op.op}:${op.path}`} className={`change--${op.op}`}>
              {op.op === 'add' && `+ ${op.path} = ${mask(op.path, op.value)}`}
              {op.op === 'remove' && `− ${op.path} (was ${mask(op.path, valueAt({ spec: before }, op.path))})`}
              {op.op === 'replace' && `~ ${op.path}: ${mask(op.path, valueAt({ spec: before }, op.path))} → ${mask(op.path, op.value)}`}
            </li>
          ))}
        </ul>
        {secrets.size > 0 && <p className="muted">Secret values are hidden.</p>}
        <div className="field">
          <label htmlFor="change-comment">Comment</label>
          <input id="change-comment" className="input" value={comment} placeholder="What does this change do?" onChange={(e) => setComment(e.target.value)} />
        </div>
        {needsConfirmation && (
          <div className="field">
            <label htmlFor="change-confirm">
              Type <code>{envId}</code> to deploy to production
            </label>
            <input id="change-confirm" className="input mono" value={confirmation} autoComplete="off" onChange={(e) => setConfirmation(e.target.value)} />
          </div>
        )}
        {error !== null && error !== undefined && <ErrorPanel error={error} action="deploy the change" />}
        <div className="row">
          <button type="button" className="button button--primary" disabled={!canDeploy} onClick={() => onDeploy(comment.trim())}>
            {deploying ? 'Deploying…' : `Deploy to ${envId}`}
          </button>
          <button type="button" className="button" onClick={onBack} disabled={deploying}>
            Back to editing
          </button>
        </div>
      </div>
    </section>
  );
}
