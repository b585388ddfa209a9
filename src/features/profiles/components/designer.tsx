import { useMemo } from 'react';
import { toast } from 'sonner';
import type {
  WorkloadProfile,
  WorkloadProfileFeature,
  WorkloadProfileVersion,
} from '@/api/types';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { documentFromProfile } from '../utils/profile-document';
import { draftKey, isBuiltin, qidOf } from '../utils/profile-ids';
import { useResourceTypes } from '../queries';
import { resourceOptions } from '../utils/resources';
import { PreviewPanel } from './preview-panel';
import './profiles.css';
import { DeleteProfile } from './delete-profile';
import { PublishPanel } from './publish-panel';
import { RuntimePanel } from './runtime-panel';
import { SchemaEditorPanel } from './schema-editor-panel';
import { useDesignerAnalysis } from '../hooks/use-designer-analysis';
import { useDraft } from '../hooks/use-draft';
import { VersionDiffPanel } from './version-diff-panel';
import { VersionsPanel } from './versions-panel';

/** Where a new profile starts: an example, a copy of another profile, or the blank template. */
export interface DesignerStart {
  document: SchemaObject;
  sample?: unknown;
  /** Distinguishes drafts of new profiles started differently. */
  key?: string;
}

interface ProfileDesignerProps {
  orgId: string;
  profile?: WorkloadProfile;
  versions?: WorkloadProfileVersion[];
  features: WorkloadProfileFeature[];
  start: DesignerStart;
  onCreated: (profile: WorkloadProfile) => void;
}

const format = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
/** Shared resources an imaginary app has, so the preview's resource picker has something to offer. */
const PREVIEW_SHARED = {
  db: { type: 'postgres' },
  queue: { type: 'amqp' },
  dns: { type: 'dns' },
};

/** The designer: schema in Monaco beside a live preview of its form and the JSON it produces; drafts autosaved. */
export function ProfileDesigner({
  orgId,
  profile,
  versions,
  features,
  start,
  onCreated,
}: ProfileDesignerProps) {
  const qid = profile ? qidOf(profile) : undefined;
  const readOnly = profile ? isBuiltin(profile) : false;
  const published = useMemo(
    () => format(profile ? documentFromProfile(profile) : start.document),
    [profile, start.document],
  );
  const draft = useDraft(draftKey(orgId, qid, start.key), published);
  const analysis = useDesignerAnalysis(draft.text, features);
  const { data: types } = useResourceTypes(orgId);
  const previewResources = useMemo(
    () => resourceOptions(PREVIEW_SHARED, {}, types),
    [types],
  );
  return (
    <div className="designer">
      <div className="designer__columns">
        <SchemaEditorPanel
          text={draft.text}
          onChange={draft.setText}
          problems={analysis.problems}
          path={`inmemory://console/profiles/${encodeURIComponent(qid ?? `new-${start.key ?? 'blank'}`)}.json`}
          readOnly={readOnly}
          isNew={!profile}
          draft={draft}
        />
        <div className="designer__preview">
          <PreviewPanel
            schema={analysis.previewSchema}
            stale={analysis.stale}
            sample={start.sample}
            resources={previewResources}
          />
        </div>
      </div>
      <div className="designer__footer">
        <PublishPanel
          orgId={orgId}
          profile={profile}
          document={analysis.document}
          errors={analysis.errors}
          settling={analysis.settling}
          onPublished={(next) => {
            draft.discard();
            toast.success(`Published ${qidOf(next)} version ${next.version}`);
            if (!profile) onCreated(next);
          }}
        />
        {versions && (
          <VersionsPanel
            versions={versions}
            onOpen={(version) =>
              draft.setText(format(documentFromProfile(version)))
            }
          />
        )}
        {versions && versions.length > 1 && (
          <VersionDiffPanel versions={versions} />
        )}
        {profile?.spec_definition.runtime_properties?.length ? (
          <RuntimePanel runtime={profile.spec_definition.runtime_properties} />
        ) : null}
        {profile && qid && !readOnly && (
          <DeleteProfile orgId={orgId} profileQid={qid} />
        )}
      </div>
    </div>
  );
}
