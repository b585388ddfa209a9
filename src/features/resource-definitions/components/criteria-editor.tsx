import { useRef, useState, type FormEvent } from 'react';
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
import { focusFieldAfterSubmit } from '@/lib/focus';
import { useCriteriaChanges } from '../mutations';
import { describeCriteria } from '@/lib/criteria';
import { cleanRule, isEmptyRule } from '../utils/criteria';
import { CriteriaPickers } from './criteria-pickers';

/** The criteria panel's heading, focusable (where focus goes after a deletion). */
function panelHeading(): HTMLElement | null {
  const heading = document.getElementById('criteria-heading');
  if (heading && !heading.hasAttribute('tabindex'))
    heading.setAttribute('tabindex', '-1');
  return heading;
}

/** Removes one criteria after confirming; the API's refusal shows in the dialog. */
function DeleteCriteria({
  orgId,
  defId,
  rule,
  can,
  onDone,
}: {
  orgId: string;
  defId: string;
  rule: MatchingCriteria;
  can: CanResult;
  onDone: (said: string) => void;
}) {
  const { remove } = useCriteriaChanges(orgId, defId);
  const [open, setOpen] = useState(false);
  // Deleted: its row and this button are gone, so focus goes to the panel's heading, not <body>.
  const deleted = useRef(false);
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
        returnFocusTo={() => (deleted.current ? panelHeading() : undefined)}
        onConfirm={() =>
          remove.mutate(rule.id, {
            onSuccess: () => {
              deleted.current = true;
              setOpen(false);
              onDone(`Deleted the criteria ${words}.`);
            },
          })
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
  onDone,
}: {
  orgId: string;
  def: ResourceDefinition;
  can: CanResult;
  onDone: (said: string) => void;
}) {
  const { add } = useCriteriaChanges(orgId, def.id);
  const [rule, setRule] = useState<MatchingCriteriaRule>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const added = cleanRule(rule);
    // The button is disabled while it runs (focus falls to <body>): back to the first choice either way.
    add.mutate(added, {
      onSuccess: () => {
        setRule({});
        onDone(`Added the criteria ${describeCriteria(added)}.`);
        focusFieldAfterSubmit('criteria-app');
      },
      onError: () => focusFieldAfterSubmit('criteria-app'),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="add-criteria-heading"
    >
      <h3 id="add-criteria-heading">Add matching criteria</h3>
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
  // What the last add or delete did, for screen readers (the list changes silently otherwise).
  const [said, setSaid] = useState('');
  return (
    <Panel titleId="criteria-heading" title="Matching criteria">
      <PanelBody className="stack">
        <p role="status" className="visually-hidden">
          {said}
        </p>
        <p className="muted">
          A resource of type <code>{def.type}</code> is provisioned with this
          definition when one of its criteria matches and no other
          definition&apos;s matches more specifically (resource id, then
          environment, app, environment type, class).
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
                  onDone={setSaid}
                />
              </li>
            ))}
          </ul>
        )}
        <AddCriteria orgId={orgId} def={def} can={can} onDone={setSaid} />
      </PanelBody>
    </Panel>
  );
}
