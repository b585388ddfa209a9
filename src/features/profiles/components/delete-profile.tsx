import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { useDeleteProfile } from '../mutations';

/** Deletes an organisation profile after the user types its id; workloads that use it are warned about. */
export function DeleteProfile({
  orgId,
  profileQid,
}: {
  orgId: string;
  profileQid: string;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteProfile(orgId);
  const navigate = useNavigate();
  const may = useCan(orgId, 'profiles');
  return (
    <Panel titleId="delete-profile-heading" title="Delete the profile">
      <PanelBody className="stack">
        <p className="muted">
          Workloads that use it keep their spec, but their next deployment fails
          until they move to another profile.
        </p>
        <div>
          <GuardedButton
            can={may}
            className="button button--danger"
            onClick={() => setOpen(true)}
          >
            Delete {profileQid}…
          </GuardedButton>
        </div>
      </PanelBody>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) remove.reset();
        }}
        title={`Delete ${profileQid}?`}
        confirmLabel="Delete the profile"
        typeToConfirm={profileQid}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(profileQid, {
            onSuccess: () => {
              setOpen(false);
              toast.success(`Deleted ${profileQid}`);
              void navigate(paths.profiles(orgId));
            },
          })
        }
      >
        <p>All of its versions are deleted. This cannot be undone.</p>
      </ConfirmDialog>
    </Panel>
  );
}
