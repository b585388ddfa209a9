import { useCallback, useMemo, useState } from 'react';
import type { ResourceDefinition } from '@/api/resource-definitions';
import { SchemaForm } from '@/components/editors/schema-form';
import { ErrorPanel } from '@/components/ui/error-panel';
import { idProblem, MIN_ID_LENGTH } from '@/lib/ids';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { CanResult } from '@/hooks/use-can';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { useDefinitionChanges } from '../mutations';
import { useResourceDrivers } from '../queries';
import {
  driverFormSchema,
  type DriverInputsForm,
} from '../utils/driver-inputs';
import {
  createBody,
  draftOf,
  patchBody,
  replaceBody,
  storedDraft,
  withDriver,
  type DefinitionDraft,
} from '../utils/draft';
import { DefinitionFields, driverRef } from './definition-fields';
import { ProvisionEditor } from './provision-editor';

interface EditorProps {
  orgId: string;
  /** The stored definition; none creates a new one. */
  def?: ResourceDefinition;
  /** The type a new definition starts with. */
  initialType?: string;
  can: CanResult;
  onCreated?: (defId: string) => void;
  /** The stored definition was saved as a new version (the page then re-keys this editor on it). */
  onSaved?: (saved: ResourceDefinition) => void;
  /** This editor opens on the version the page just saved: say so until the next edit. */
  justSaved?: boolean;
}

/**
 * Creates or edits a definition: its driver's inputs as a form generated from
 * the driver's `inputs_schema` (secrets write-only). The draft survives a
 * refused save and a reload (without the secrets typed into it).
 */
export function DefinitionEditor({
  orgId,
  def,
  initialType,
  can,
  onCreated,
  onSaved,
  justSaved = false,
}: EditorProps) {
  const drivers = useResourceDrivers(orgId);
  const { create, patch, replace } = useDefinitionChanges(orgId);
  const original = useMemo(() => draftOf(def, initialType), [def, initialType]);
  const keep = useCallback(
    (d: DefinitionDraft) => storedDraft(d, original),
    [original],
  );
  const [draft, setDraft, clearDraft] = usePersistentState<DefinitionDraft>(
    `resource-def:${orgId}/${def?.id ?? 'new'}`,
    original,
    { stored: keep },
  );
  const [edited, setEdited] = useState(false);
  const readOnly = !can.allowed;
  // Another driver than the stored one: the whole definition is replaced (PUT), not merged.
  const moving = def !== undefined && draft.driverType !== original.driverType;
  const mutation = def ? (moving ? replace : patch) : create;
  const driver = drivers.data?.find((d) => driverRef(d) === draft.driverType);
  const schema = useMemo(() => driverFormSchema(driver), [driver]);
  // What saving needs that the form lacks, said beside the disabled button.
  const missing = [
    !draft.id && 'fill in the definition id',
    !def &&
      draft.id !== '' &&
      idProblem(draft.id, 'x', MIN_ID_LENGTH.definition) !== undefined &&
      'correct the definition id',
    !draft.driverType && 'choose a driver',
  ].filter((step): step is string => step !== false);
  const change = (next: DefinitionDraft) => {
    setEdited(true);
    setDraft(
      withDriver(
        { ...next, driverType: draft.driverType },
        next.driverType,
        original,
      ),
    );
  };

  const save = (inputs: DriverInputsForm) => {
    const next = { ...draft, inputs };
    setDraft(next);
    // A new version re-keys this editor (definition-page.tsx) once the definitions are refetched, which the
    // mutation waits for: a mutate() callback would find this editor unmounted and never run. The promise
    // still settles, so the draft is cleared and the page told through it; a refusal shows as mutation.error.
    const saving = !def
      ? undefined
      : moving
        ? replace.mutateAsync({ defId: def.id, body: replaceBody(next) })
        : patch.mutateAsync({
            defId: def.id,
            body: patchBody(next, original),
          });
    if (saving)
      saving.then(
        (stored) => {
          clearDraft();
          onSaved?.(stored);
        },
        () => {},
      );
    else
      create.mutate(createBody(next), {
        onSuccess: (created) => {
          clearDraft();
          onCreated?.(created.id);
        },
      });
  };

  return (
    <Panel
      titleId="def-editor-heading"
      title={def ? 'Definition' : 'New definition'}
    >
      <PanelBody className="stack">
        {readOnly && can.reason && (
          <p className="muted" role="note">
            Read-only: {can.reason}
          </p>
        )}
        {drivers.isError && (
          <ErrorPanel
            error={drivers.error}
            action="load the drivers"
            onRetry={() => drivers.refetch()}
          />
        )}
        {/* These fields sit outside the driver inputs' <form>: Enter in one of them submits it too, as it would
            in any field of a form (when nothing is missing; the button says what is). */}
        <div
          onKeyDown={(event) => {
            const target = event.target as HTMLElement;
            if (
              event.key !== 'Enter' ||
              !(target instanceof HTMLInputElement) ||
              readOnly ||
              missing.length > 0 ||
              mutation.isPending
            )
              return;
            event.preventDefault();
            document
              .querySelector<HTMLFormElement>(
                'form[aria-label="Driver inputs"]',
              )
              ?.requestSubmit();
          }}
        >
          <DefinitionFields
            orgId={orgId}
            draft={draft}
            onChange={change}
            drivers={drivers.data ?? []}
            stored={def !== undefined}
            readOnly={readOnly}
          />
        </div>
        {moving && (
          <p role="note" className="muted">
            Another driver replaces the whole definition in a new version: the
            stored secrets of <code>{original.driverType}</code> do not carry
            over, so type the new driver&apos;s secrets.
          </p>
        )}
        <ProvisionEditor
          rows={draft.provision}
          readOnly={readOnly}
          onChange={(provision) => change({ ...draft, provision })}
        />
        <h3>Driver inputs</h3>
        {drivers.isPending ? (
          <Skeleton rows={3} label="Loading the drivers" />
        ) : !draft.driverType ? (
          <p className="muted">
            Choose a resource type and a driver: the driver&apos;s inputs appear
            here.
          </p>
        ) : (
          <SchemaForm
            key={draft.driverType}
            schema={schema}
            formData={draft.inputs}
            onChange={(inputs) =>
              change({ ...draft, inputs: inputs as DriverInputsForm })
            }
            onSubmit={(inputs) => save(inputs as DriverInputsForm)}
            idPrefix="driver-inputs"
            label="Driver inputs"
            readOnly={readOnly}
          >
            {mutation.isError && (
              <ErrorPanel
                error={mutation.error}
                action={def ? 'save the definition' : 'create the definition'}
              />
            )}
            {justSaved && !edited && (
              <p role="status" className="muted">
                Saved as a new version.
              </p>
            )}
            <div className="row">
              <GuardedButton
                can={can}
                type="submit"
                className="button button--primary"
                disabled={mutation.isPending || missing.length > 0}
                aria-describedby={
                  missing.length > 0 ? 'def-missing' : undefined
                }
              >
                {mutation.isPending
                  ? 'Saving…'
                  : def
                    ? 'Save a new version'
                    : 'Create definition'}
              </GuardedButton>
              {can.allowed && missing.length > 0 && (
                <span id="def-missing" className="muted">
                  {`${missing.join(' and ')} first.`.replace(/^./, (c) =>
                    c.toUpperCase(),
                  )}
                </span>
              )}
            </div>
          </SchemaForm>
        )}
      </PanelBody>
    </Panel>
  );
}
