import { useState, type FormEvent } from 'react';
import type { EnvironmentType } from '@/api/org-settings';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog } from '@/components/ui/form-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { TextField } from '@/components/ui/text-field';
import type { CanResult } from '@/hooks/use-can';
import { useEnvTypeChanges } from '../mutations';
import { useOrgEnvTypes } from '../queries';
import { useOrgSettingsAccess } from './org-settings-access';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';

/** Changes an environment type's description in a dialog; the draft stays when the API refuses it. */
function DescribeType({
  orgId,
  type,
  may,
}: {
  orgId: string;
  type: EnvironmentType;
  may: CanResult;
}) {
  const { describe } = useEnvTypeChanges(orgId);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(type.description);
  return (
    <>
      <GuardedButton
        can={may}
        className="button button--small"
        aria-label={`Edit the description of ${type.id}`}
        onClick={() => {
          setText(type.description);
          describe.reset();
          setOpen(true);
        }}
      >
        Edit
      </GuardedButton>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        unsaved={text !== type.description}
        title={`Describe ${type.id}`}
        submitLabel="Save"
        pending={describe.isPending}
        error={
          describe.isError && (
            <ErrorPanel error={describe.error} action="save the description" />
          )
        }
        onSubmit={() =>
          describe.mutate(
            { id: type.id, description: text.trim() },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        <div className="field">
          <label htmlFor={`describe-${type.id}`}>Description</label>
          <input
            id={`describe-${type.id}`}
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </FormDialog>
    </>
  );
}

/** Deletes a type after confirming; the API's 409 names the environments that still use it. */
function DeleteType({
  orgId,
  type,
  may,
}: {
  orgId: string;
  type: EnvironmentType;
  may: CanResult;
}) {
  const { remove } = useEnvTypeChanges(orgId);
  return (
    <ConfirmDelete
      can={may}
      label={`Delete environment type ${type.id}`}
      title={`Delete environment type ${type.id}?`}
      confirmLabel="Delete type"
      remove={remove}
      variables={type.id}
    >
      <p>
        Its deployers go with it. A type that environments still use cannot be
        deleted: delete them or change their type first.
      </p>
    </ConfirmDelete>
  );
}

/** Creates a type; the fields keep their text when the API refuses it. */
function NewTypeForm({ orgId, may }: { orgId: string; may: CanResult }) {
  const { create } = useEnvTypeChanges(orgId);
  const [id, setId] = useState('');
  const [description, setDescription] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { id: id.trim(), description: description.trim() },
      {
        onSuccess: () => {
          setId('');
          setDescription('');
          focusFieldAfterSubmit('env-type-id');
        },
        onError: (error) =>
          focusFieldAfterSubmit(
            refusedFieldId(
              error,
              { id: 'env-type-id', description: 'env-type-description' },
              'env-type-id',
            ),
          ),
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="new-type-heading"
    >
      <h3 id="new-type-heading">New environment type</h3>
      <div className="row">
        <TextField
          id="env-type-id"
          label="Type id"
          mono
          value={id}
          placeholder="qa"
          onChange={setId}
        />
        <TextField
          id="env-type-description"
          label="Description"
          value={description}
          onChange={setDescription}
        />
      </div>
      {create.isError && (
        <ErrorPanel error={create.error} action="create the environment type" />
      )}
      <div>
        <GuardedButton
          can={may}
          type="submit"
          className="button button--primary"
          disabled={create.isPending || id.trim() === ''}
        >
          {create.isPending ? 'Creating…' : 'Create type'}
        </GuardedButton>
      </div>
    </form>
  );
}

/** The organisation's environment types: list, create, describe, delete. */
export function EnvTypesPanel({ orgId }: { orgId: string }) {
  const types = useOrgEnvTypes(orgId);
  const may = useOrgSettingsAccess(orgId, 'Managing environment types');
  return (
    <Panel titleId="env-types-heading" title="Environment types">
      <PanelBody className="stack">
        <p className="muted">
          Every environment has a type; who may deploy to it follows the
          type&apos;s deployers (below).
        </p>
        <QueryState query={types} what="environment types" rows={3}>
          {(data) => (
            <DataTable
              caption="Environment types"
              label="Environment types, scrollable"
              columns={[
                'Type',
                'Description',
                <span className="visually-hidden">Actions</span>,
              ]}
              rows={data}
              empty={<p className="muted">No environment types yet.</p>}
              renderRow={(type) => (
                <tr key={type.id}>
                  <td>
                    <code>{type.id}</code>
                  </td>
                  <td>
                    {type.description || <span className="muted">—</span>}
                  </td>
                  <td>
                    <div className="row">
                      <DescribeType orgId={orgId} type={type} may={may} />
                      <DeleteType orgId={orgId} type={type} may={may} />
                    </div>
                  </td>
                </tr>
              )}
            />
          )}
        </QueryState>
        <NewTypeForm orgId={orgId} may={may} />
      </PanelBody>
    </Panel>
  );
}
