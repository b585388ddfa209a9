import { useEffect, useMemo, useState } from 'react';
import { DiffEditor } from '@/components/editors/diff-editor';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { DeploymentSet, PlainDelta } from '@/api/types';
import { isTaskAborted } from '@/lib/task-queue';

interface RawDiffPanelProps {
  from: DeploymentSet;
  to: DeploymentSet;
  delta: PlainDelta;
}

/** Above this many workloads the raw view starts on one workload: the whole sets would take Monaco seconds. */
export const RAW_ALL_LIMIT = 50;
const ALL = '';

/** The sets as masked YAML in Monaco's diff editor; Monaco loads only when the panel is opened. */
export function RawDiffPanel({ from, to, delta }: RawDiffPanelProps) {
  const [open, setOpen] = useState(false);
  const ids = useMemo(
    () =>
      [
        ...new Set([...Object.keys(from.modules), ...Object.keys(to.modules)]),
      ].sort(),
    [from, to],
  );
  const [scope, setScope] = useState(() => {
    if (ids.length <= RAW_ALL_LIMIT) return ALL;
    const update = delta.modules.update ?? {};
    return (
      ids.find(
        (id) =>
          (update[id]?.length ?? 0) > 0 || !from.modules[id] || !to.modules[id],
      ) ?? ids[0]
    );
  });
  return (
    <Panel
      titleId="raw-diff-heading"
      title="Raw diff"
      actions={
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls="raw-diff-body"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Close raw diff' : 'Open raw diff'}
        </button>
      }
    >
      {open && (
        <PanelBody id="raw-diff-body" className="stack">
          <div className="field">
            <label htmlFor="raw-scope">Show</label>
            <select
              id="raw-scope"
              className="select"
              value={scope}
              onChange={(e) => setScope(e.target.value)}
            >
              <option value={ALL}>
                All workloads and shared resources ({ids.length} workloads)
              </option>
              {ids.map((id) => (
                <option key={id} value={id}>
                  Workload {id}
                </option>
              ))}
            </select>
            {scope === ALL && ids.length > RAW_ALL_LIMIT && (
              <span className="field__hint">
                {ids.length} workloads make a long text: the editor may need a
                few seconds.
              </span>
            )}
          </div>
          <RawDiffBody
            from={from}
            to={to}
            delta={delta}
            only={scope === ALL ? undefined : [scope]}
          />
        </PanelBody>
      )}
    </Panel>
  );
}

function RawDiffBody({
  from,
  to,
  delta,
  only,
}: RawDiffPanelProps & { only?: string[] }) {
  const [texts, setTexts] = useState<
    { original: string; modified: string } | { error: unknown }
  >();
  const key = only?.join() ?? '';
  useEffect(() => {
    const controller = new AbortController();
    const scope = key ? key.split(',') : undefined;
    // The YAML library loads only when the raw view is opened.
    import('@/lib/diff/set-yaml')
      .then(({ setYaml }) =>
        Promise.all([
          setYaml(from, undefined, controller.signal, scope),
          setYaml(to, delta, controller.signal, scope),
        ]),
      )
      .then(
        ([original, modified]) => setTexts({ original, modified }),
        (error: unknown) => {
          if (!isTaskAborted(error) && !controller.signal.aborted)
            setTexts({ error });
        },
      );
    return () => controller.abort();
  }, [from, to, delta, key]);
  if (!texts)
    return <Skeleton rows={8} label="Preparing the YAML of both sets" />;
  if ('error' in texts)
    return (
      <ErrorPanel error={texts.error} action="prepare the raw diff" reading />
    );
  return (
    <DiffEditor
      original={texts.original}
      modified={texts.modified}
      label="Raw diff of the two deployment sets (YAML, secrets hidden)"
    />
  );
}
