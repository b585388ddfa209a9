import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ClonePreview, CloneRecord } from '@/api/clone';
import { byPrefix } from '@/api/queries/keys';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import {
  useCloneEnvironments,
  useClonePreview,
  useCloneEnvHealth,
} from '../queries';
import {
  byPromotionOrder,
  toRequest,
  type CloneParams,
} from '../utils/clone-params';
import { ApplyClonePanel } from './apply-clone-panel';
import { CloneProgress } from './clone-progress';
import { ClonePreviewPanel } from './clone-preview-panel';
import { CloneSetup } from './clone-setup';
import { CloneWarnings } from './clone-warnings';
import { ConflictNotice } from './conflict-notice';
import { SelectionChecklist } from './selection-checklist';
import { unhealthyInSource } from '../utils/source-health';
import './clone.css';

interface CloneFlowProps {
  orgId: string;
  appId: string;
  params: CloneParams;
  onChange: (next: CloneParams) => void;
}

/** The whole clone: source and target, selection, warnings, preview, apply, progress; conflicts keep the selection. */
export function CloneFlow({ orgId, appId, params, onChange }: CloneFlowProps) {
  const queryClient = useQueryClient();
  const { data: unordered } = useCloneEnvironments(orgId, appId);
  const envs = useMemo(() => byPromotionOrder(unordered), [unordered]);
  const [applied, setApplied] = useState<CloneRecord>();
  // The preview the user saw when applying was refused (409), and when.
  const [conflict, setConflict] = useState<{
    seen: ClonePreview;
    at: number;
  }>();
  const base =
    params.from && params.to
      ? {
          sourceEnvId: params.from,
          sourceDeployId: params.deploy,
          mode: 'full' as const,
          modules: [],
          shared: [],
        }
      : undefined;
  const full = useClonePreview(orgId, appId, params.to, base);
  const sourceHealth = useCloneEnvHealth(orgId, appId, params.from ?? '');
  // Proposed until the user chooses: every item that differs, but a workload that is not healthy where it comes
  // from (the warnings say why it is left out; ticking it copies it anyway). Made once per source and target
  // deployment, when the source's health has first settled: the health refetches every few seconds, and a workload
  // flapping between states must not tick and untick boxes under the user.
  const partialMode = params.mode === 'partial';
  const proposalKey = full.data
    ? `${params.mode}:${full.data.source.deploy_id}>${full.data.target.env_id}@${full.data.target.deploy_id}`
    : '';
  const [proposal, setProposal] = useState<{
    key: string;
    value: { modules: string[]; shared: string[]; leftOut: string[] };
  }>();
  const settled = !partialMode || !sourceHealth.isPending;
  if (full.data && settled && proposal?.key !== proposalKey) {
    const broken = new Set(
      partialMode
        ? unhealthyInSource(full.data.source, sourceHealth.data).map(
            (w) => w.id,
          )
        : [],
    );
    const proposed = full.data.items.filter(
      (i) => i.change === 'added' || i.change === 'changed',
    );
    setProposal({
      key: proposalKey,
      value: {
        modules: proposed
          .filter((i) => i.kind === 'module' && !broken.has(i.id))
          .map((i) => i.id),
        shared: proposed.filter((i) => i.kind === 'shared').map((i) => i.id),
        leftOut: proposed
          .filter((i) => i.kind === 'module' && broken.has(i.id))
          .map((i) => i.id),
      },
    });
  }
  const fallback = proposal?.key === proposalKey ? proposal.value : undefined;
  const request = fallback ? toRequest(params, fallback) : undefined;
  const partial = useClonePreview(
    orgId,
    appId,
    params.to,
    params.mode === 'partial' ? request : undefined,
  );
  const current = params.mode === 'full' ? full : partial;
  const preview = current.data;
  // A new selection's preview is loading (the previous one is shown meanwhile).
  const stale = current.isPlaceholderData;
  const targetEnv = envs.find((e) => e.id === params.to);

  const change = (next: CloneParams) => {
    setApplied(undefined);
    if (next.to !== params.to || next.from !== params.from)
      setConflict(undefined);
    onChange(next);
  };
  const onConflict = (seen: ClonePreview) => {
    setConflict({ seen, at: Date.now() });
    void queryClient.invalidateQueries(
      byPrefix.env(orgId, appId, seen.target.env_id),
    );
  };

  return (
    <>
      <CloneSetup
        orgId={orgId}
        appId={appId}
        envs={envs}
        params={params}
        onChange={change}
      />
      {!params.from || !params.to ? (
        <EmptyState title="Choose what to clone and where">
          Pick the environment to clone from and the target environment (or
          create a new one); the preview shows exactly how the target will
          change before anything is deployed.
        </EmptyState>
      ) : (full.isError && !full.data) || (current.isError && !preview) ? (
        <ErrorPanel
          error={full.error ?? current.error}
          action="preview the clone"
          reading
          onRetry={() =>
            void (full.isError ? full.refetch() : current.refetch())
          }
        />
      ) : !preview || !full.data ? (
        <Skeleton rows={6} label="Computing the preview" />
      ) : (
        <>
          {conflict && (
            <ConflictNotice
              orgId={orgId}
              appId={appId}
              before={conflict.seen}
              after={current.dataUpdatedAt > conflict.at ? preview : undefined}
            />
          )}
          {applied && (
            <CloneProgress orgId={orgId} appId={appId} clone={applied} />
          )}
          {params.mode === 'partial' && (
            <SelectionChecklist
              items={full.data.items}
              modules={request?.modules ?? []}
              shared={request?.shared ?? []}
              onChange={(selection) => change({ ...params, ...selection })}
            />
          )}
          {current.isError && (
            <ErrorPanel
              error={current.error}
              action="update the preview"
              reading
              onRetry={() => void current.refetch()}
            />
          )}
          <CloneWarnings
            preview={preview}
            fullLosses={full.data.losses}
            sourceHealth={sourceHealth.data ?? undefined}
            leftOut={
              partialMode && params.modules === null
                ? (fallback?.leftOut ?? [])
                : []
            }
          />
          {/* The preview first, then what applies it: a reviewer reads the change before the button. */}
          <ClonePreviewPanel preview={preview} stale={stale} />
          {!applied && request && (
            <ApplyClonePanel
              orgId={orgId}
              appId={appId}
              preview={preview}
              request={request}
              stale={stale}
              targetIsNew={!!targetEnv && !targetEnv.last_deploy}
              onApplied={(clone) => {
                setConflict(undefined);
                setApplied(clone);
              }}
              onConflict={onConflict}
            />
          )}
        </>
      )}
    </>
  );
}
