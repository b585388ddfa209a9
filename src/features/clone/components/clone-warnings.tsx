import type { ClonePreview } from '@/api/clone';
import { vocabulary } from '@/lib/vocabulary';

const names = (ids: string[]) =>
  ids.map((id, i) => (
    <span key={id}>
      {i > 0 && ', '}
      <code>{id}</code>
    </span>
  ));

/** What the user must know before applying: what a full clone removes, private resources, a running deploy. */
export function CloneWarnings({
  preview,
  fullLosses,
}: {
  preview: ClonePreview;
  fullLosses: ClonePreview['losses'];
}) {
  const { mode, target, private_resources: privates } = preview;
  const losing = fullLosses.modules.length + fullLosses.shared.length > 0;
  return (
    <div className="clone-warnings" role="note" aria-label="Before you apply">
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
