import { useId, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { LocalRunBundle, ResourceMode } from '@/api/local-run';
import { useLocalRun } from '../queries';
import { saveBlob, zipBundle } from '../utils/zip';
import './run-locally.css';

/** Resource types the engine has a local stand-in for (localrun/standins.ts). */
const STAND_IN_TYPES = new Set(['postgres', 'mysql', 'redis', 's3', 'dns']);

/** The order files are shown in: what to run first, then the rest by name. */
const FIRST = ['compose.yaml', '.env', 'README.md'];

interface Props {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
}

/**
 * "Run locally" (issue 23 §1): the workload's bundle as the engine builds it
 * for the choices made here: per resource a local stand-in or the
 * environment's own through a port forward, the environment's secrets only
 * when asked for (with the warning), every file with a copy button, and the
 * whole as a zip.
 */
export function RunLocally({ orgId, appId, envId, workloadId }: Props) {
  const [mode, setMode] = useState<ResourceMode>('local');
  const [choices, setChoices] = useState<Record<string, ResourceMode>>({});
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const query = useLocalRun({
    orgId,
    appId,
    envId,
    workloadId,
    mode,
    choices,
    includeSecrets,
  });
  const choose = (id: string, chosen: ResourceMode) =>
    setChoices((before) => {
      const next = { ...before };
      if (chosen === mode) delete next[id];
      else next[id] = chosen;
      return next;
    });
  const bundle = query.data;
  return (
    <div className="stack run-locally">
      <Panel titleId="run-locally-options" title="How it runs">
        <PanelBody>
          <ModeChoice
            mode={mode}
            onChange={(next) => {
              setMode(next);
              setChoices({});
            }}
          />
          <SecretsChoice
            checked={includeSecrets}
            onChange={setIncludeSecrets}
          />
        </PanelBody>
      </Panel>
      {query.isError && (
        <ErrorPanel
          error={query.error}
          action="build the bundle"
          onRetry={() => void query.refetch()}
        />
      )}
      {query.isPending && <Skeleton rows={4} label="Building the bundle" />}
      {bundle && (
        <>
          <ResourcesPanel
            bundle={bundle}
            choose={choose}
            busy={query.isFetching}
          />
          {bundle.warnings.length > 0 && (
            <Panel titleId="run-locally-warnings" title="Before you run it">
              <PanelBody>
                <ul className="run-locally__warnings">
                  {bundle.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </PanelBody>
            </Panel>
          )}
          <FilesPanel
            bundle={bundle}
            folder={`${appId}-${envId}-${workloadId}`}
          />
        </>
      )}
    </div>
  );
}

function ModeChoice({
  mode,
  onChange,
}: {
  mode: ResourceMode;
  onChange: (mode: ResourceMode) => void;
}) {
  return (
    <fieldset className="run-locally__modes">
      <legend>Resources</legend>
      <label>
        <input
          type="radio"
          name="run-locally-mode"
          checked={mode === 'local'}
          onChange={() => onChange('local')}
        />{' '}
        Local stand-ins where there is one (postgres, mysql, redis, s3, dns)
      </label>
      <label>
        <input
          type="radio"
          name="run-locally-mode"
          checked={mode === 'remote'}
          onChange={() => onChange('remote')}
        />{' '}
        The environment’s own, through port forwards
      </label>
    </fieldset>
  );
}

function SecretsChoice({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hint = useId();
  return (
    <div className="field run-locally__secrets">
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint}
          onChange={(event) => onChange(event.target.checked)}
        />{' '}
        Include the environment’s secrets in <code>.env</code>
      </label>
      <p id={hint} className={checked ? 'field__error' : 'field__hint'}>
        {checked
          ? 'Warning: .env will hold the environment’s secrets in plain text. Keep it on this machine, never commit or share it, and delete it when done.'
          : 'Left out: .env names each secret on an empty line. Only who may deploy to the environment can include them.'}
      </p>
    </div>
  );
}

function ResourcesPanel({
  bundle,
  choose,
  busy,
}: {
  bundle: LocalRunBundle;
  choose: (id: string, mode: ResourceMode) => void;
  busy: boolean;
}) {
  return (
    <Panel
      titleId="run-locally-resources"
      title="Resources it reads"
      aria-busy={busy}
    >
      <PanelBody>
        <DataTable
          className="table--stack"
          caption="Where each resource comes from"
          columns={['Resource', 'Type', 'Runs as', 'Details']}
          rows={bundle.resources}
          empty={<p className="muted">The workload reads no resources.</p>}
          renderRow={(resource) => (
            <tr key={resource.id}>
              <th scope="row" data-label="Resource">
                <code>{resource.id}</code>
              </th>
              <td data-label="Type">{resource.type}</td>
              <td data-label="Runs as">
                <select
                  className="select"
                  aria-label={`Where ${resource.id} comes from`}
                  value={resource.mode}
                  onChange={(event) =>
                    choose(resource.id, event.target.value as ResourceMode)
                  }
                >
                  <option
                    value="local"
                    disabled={!STAND_IN_TYPES.has(resource.type)}
                  >
                    Local stand-in
                  </option>
                  <option value="remote">
                    The environment’s, port-forwarded
                  </option>
                </select>
              </td>
              <td data-label="Details">
                {resource.service && (
                  <span>
                    Service <code>{resource.service}</code> (
                    <code>{resource.image}</code>)
                  </span>
                )}
                {resource.port_forward && (
                  <span>Port forward: see README.md</span>
                )}
                {resource.note && (
                  <span className="muted"> {resource.note}</span>
                )}
              </td>
            </tr>
          )}
        />
      </PanelBody>
    </Panel>
  );
}

function FilesPanel({
  bundle,
  folder,
}: {
  bundle: LocalRunBundle;
  folder: string;
}) {
  const [zipping, setZipping] = useState(false);
  const names = Object.keys(bundle.files).sort(
    (a, b) =>
      (FIRST.includes(a) ? FIRST.indexOf(a) : FIRST.length) -
        (FIRST.includes(b) ? FIRST.indexOf(b) : FIRST.length) ||
      a.localeCompare(b),
  );
  const download = async () => {
    setZipping(true);
    try {
      saveBlob(await zipBundle(bundle, folder), `${folder}-local-run.zip`);
    } finally {
      setZipping(false);
    }
  };
  return (
    <Panel
      titleId="run-locally-files"
      title="Files"
      actions={
        <button
          type="button"
          className="button button--primary"
          onClick={() => void download()}
          disabled={zipping}
        >
          {zipping ? 'Zipping…' : 'Download as zip'}
        </button>
      }
    >
      <PanelBody>
        <p className="muted">
          Unzip, then run <code>docker compose up</code> in the folder.
          Deployment <code>{bundle.deploy_id}</code>.
        </p>
        {names.map((name) => (
          <section
            key={name}
            className="run-locally__file"
            aria-label={`File ${name}`}
          >
            <div className="run-locally__file-header">
              <h3>
                <code>{name}</code>
              </h3>
              {bundle.files[name].encoding !== 'base64' && (
                <CopyButton text={bundle.files[name].content} label={name} />
              )}
            </div>
            {bundle.files[name].encoding === 'base64' ? (
              <p className="muted">A binary file (in the zip).</p>
            ) : (
              <pre className="run-locally__content" tabIndex={0}>
                {bundle.files[name].content}
              </pre>
            )}
          </section>
        ))}
      </PanelBody>
    </Panel>
  );
}
