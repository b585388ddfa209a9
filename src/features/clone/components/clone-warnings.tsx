import type { ClonePreview } from '@/api/clone';
import type { EnvironmentHealth } from '@/api/health';
import { vocabulary } from '@/lib/vocabulary';
import { unhealthyInSource } from '../utils/source-health';

const names = (ids: string[]) =>
  ids.map((id, i) => (
    <span key={id}>
      {i > 0 && ', '}
      <code>{id}</code>
    </span>
  ));

/**
 * What the user must know before applying: workloads of the selection that are not healthy where they come
 * from, what a full clone removes, private resources, a running deploy.
 */
export function CloneWarnings({
  preview,
  fullLosses,
  sourceHealth,
  leftOut = [],
}: {
  preview: ClonePreview;
  fullLosses: ClonePreview['losses'];
  /** The source environment's health: it speaks for the clone when the clone copies the set that runs there. */
  sourceHealth?: EnvironmentHealth;
  /** Workloads that differ but were not proposed, since they are not healthy where they come from. */
  leftOut?: string[];
}) {
  const { mode, target, private_resources: privates } = preview;
  const losing = fullLosses.modules.length + fullLosses.shared.length > 0;
  const selected = new Set(preview.selection.modules);
  const unhealthy = unhealthyInSource(preview.source, sourceHealth).filter(
    (w) => selected.has(w.id),
  );
  return (
    <div className="clone-warnings" role="note" aria-label="Before you apply">
      {leftOut.length > 0 && (
        <p className="clone-warning">
          <strong>Left out, not healthy in {preview.source.env_id}:</strong>{' '}
          {names(leftOut)}. Tick {leftOut.length === 1 ? 'it' : 'them'} above to
          copy {leftOut.length === 1 ? 'it' : 'them'} as{' '}
          {leftOut.length === 1 ? 'it runs' : 'they run'} there.
        </p>
      )}
      {unhealthy.length > 0 && (
        <p className="clone-warning clone-warning--strong">
          <strong>
            Not healthy in {preview.source.env_id}, copied as it runs there:
          </strong>{' '}
          {unhealthy.map((w, i) => (
            <span key={w.id}>
              {i > 0 && '; '}
              <code>{w.id}</code> {w.status.toLowerCase()}
              {w.reason ? ` (${w.reason})` : ''}, {w.ready} of {w.desired} ready
            </span>
          ))}
          . Fix it in {preview.source.env_id} first
          {mode === 'partial'
            ? ', or leave it out of this clone.'
            : ', or clone only what is healthy (some workloads).'}
        </p>
      )}
      {losing && (
        <p
          className={
            mode === 'full'
              ? 'clone-warning clone-warning--strong'
              : 'clone-warning'
          }
        >
          <strong>
            {mode === 'full'
              ? `${target.env_id} will lose`
              : `A full clone would remove from ${target.env_id}`}
            :
          </strong>{' '}
          {fullLosses.modules.length > 0 && (
            <>
              {vocabulary.modules.many} {names(fullLosses.modules)}
              {fullLosses.shared.length > 0 && '; '}
            </>
          )}
          {fullLosses.shared.length > 0 && (
            <>
              {vocabulary.shared.many} {names(fullLosses.shared)}
            </>
          )}
          {mode === 'full'
            ? ' (the source does not have them).'
            : '. This partial clone keeps them.'}
        </p>
      )}
      <p className="clone-warning">
        <strong>{vocabulary.externals.title} are never cloned.</strong>{' '}
        {privates.length > 0 ? (
          <>
            {target.env_id} provisions its own{' '}
            {privates.map((r, i) => (
              <span key={`${r.workload}/${r.name}`}>
                {i > 0 && ', '}
                <code>{r.name}</code> ({r.type}) of <code>{r.workload}</code>
              </span>
            ))}
            ; their data and credentials stay in {preview.source.env_id}.
          </>
        ) : (
          <>The workloads cloned here declare none.</>
        )}
      </p>
      {target.deploying && (
        <p className="clone-warning clone-warning--strong">
          A deployment is running in {target.env_id}: applying waits until it
          has finished.
        </p>
      )}
    </div>
  );
}
