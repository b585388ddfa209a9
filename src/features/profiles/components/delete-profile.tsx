import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { useDeleteProfile } from '../mutations';

/** Deletes an organisation profile after the user types its id; workloads that use it are warned about. */
export function DeleteProfile({ orgId, profileQid }: { orgId: string; profileQid: string }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteProfile(orgId);
  const navigate = useNavigate();
  const may = useCan(orgId, 'profiles');
  return (
    <section className="panel" aria-labelledby="delete-profile-heading">
      <div className="panel__header">
        <h2 id="delete-profile-heading">Delete the profile</h2>
      </div>
      <div className="panel__body stack">
        <p className="muted">Workloads that use it keep their spec, but their next deployment fails until they move to another profile.</p>
        <div>
          <GuardedButton can={may} className="button button--danger" onClick={() => setOpen(true)}>
            Delete {profileQid}…
          </GuardedButton>
        </div>
      </div>
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
    </section>
  );
}
