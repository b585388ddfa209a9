import { useState, type FormEvent } from 'react';
import type {
  MatchingCriteria,
  MatchingCriteriaRule,
  ResourceDefinition,
} from '@/api/resource-definitions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import type { CanResult } from '@/hooks/use-can';
import { useCriteriaChanges } from '../mutations';
import { cleanRule, describeCriteria, isEmptyRule } from '../utils/criteria';
import { CriteriaPickers } from './criteria-pickers';

/** Removes one criteria after confirming; the API's refusal shows in the dialog. */
function DeleteCriteria({
  orgId,
  defId,
  rule,
  can,
}: {
  orgId: string;
  defId: string;
  rule: MatchingCriteria;
  can: CanResult;
}) {
  const { remove } = useCriteriaChanges(orgId, defId);
  const [open, setOpen] = useState(false);
  const words = describeCriteria(rule);
  return (
    <>
      <GuardedButton
        can={can}
        className="button button--small"
        aria-label={`Delete the criteria ${words}`}
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        Delete
      </GuardedButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this matching criteria?"
        confirmLabel="Delete criteria"
        danger
        pending={remove.isPending}
        error={remove.error ?? undefined}
        onConfirm={() =>
          remove.mutate(rule.id, { onSuccess: () => setOpen(false) })
        }
      >
        <p>
          Resources of {words} will no longer match <code>{defId}</code>; their
          next deployment matches them again, to another definition or none.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Adds a criteria; the fields keep their choice when the API refuses it (409 duplicate, 400). */
function AddCriteria({
  orgId,
  def,
  can,
}: {
  orgId: string;
  def: ResourceDefinition;
  can: CanResult;
}) {
  const { add } = useCriteriaChanges(orgId, def.id);
  const [rule, setRule] = useState<MatchingCriteriaRule>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(cleanRule(rule), { onSuccess: () => setRule({}) });
  };
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="add-criteria-heading"
    >
      <h3 id="add-criteria-heading">Add a matching criteria</h3>
      <CriteriaPickers
        orgId={orgId}
        type={def.type}
        rule={rule}
        onChange={setRule}
        idPrefix="criteria"
      />
      {!isEmptyRule(rule) && (
        <p className="muted">Matches {describeCriteria(cleanRule(rule))}.</p>
      )}
      {add.isError && (
        <ErrorPanel error={add.error} action="add the criteria" />
      )}
      <div>
        <GuardedButton
          can={can}
          type="submit"
          className="button button--primary"
          disabled={add.isPending}
        >
          {add.isPending ? 'Adding…' : 'Add criteria'}
        </GuardedButton>
      </div>
    </form>
  );
}

/** A definition's matching criteria: which resources it provisions. */
export function CriteriaEditor({
  orgId,
  def,
  can,
}: {
  orgId: string;
  def: ResourceDefinition;
  can: CanResult;
}) {
  const rules = def.criteria ?? [];
  return (
    <Panel titleId="criteria-heading" title="Matching criteria">
      <PanelBody className="stack">
        <p className="muted">
          A resource of type <code>{def.type}</code> is provisioned with this
          definition when one of its criteria matches and no other
          definition&apos;s matches more specifically (resource id, then
          environment, environment type, app, class).
        </p>
        {rules.length === 0 ? (
          <p>
            No criteria yet: this definition matches no resource. Add one below.
          </p>
        ) : (
          <ul className="defs__criteria-list" aria-label="Criteria">
            {rules.map((rule) => (
              <li key={rule.id} className="row">
                <span>{describeCriteria(rule)}</span>
                <DeleteCriteria
                  orgId={orgId}
                  defId={def.id}
                  rule={rule}
                  can={can}
                />
              </li>
            ))}
          </ul>
        )}
        <AddCriteria orgId={orgId} def={def} can={can} />
      </PanelBody>
    </Panel>
  );
}
