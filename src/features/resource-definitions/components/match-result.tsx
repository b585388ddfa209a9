import { Link } from 'react-router';
import type { ResourceMatchResult } from '@/api/resource-definitions';
import { ApiText } from '@/components/ui/api-text';
import { DataTable } from '@/components/ui/data-table';
import { Panel, PanelBody } from '@/components/ui/panel';
import { ShortId } from '@/components/ui/short-id';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import type { StatusView } from '@/lib/status';
import { describeCriteria } from '@/lib/criteria';
import { IdText } from '@/components/ui/id-text';

const OUTCOMES: Record<string, StatusView> = {
  won: { tone: 'success', label: 'Wins' },
  lost: { tone: 'warning', label: 'Less specific' },
  'not-matched': { tone: 'stopped', label: 'Does not match' },
  'no-criteria': { tone: 'unknown', label: 'No criteria' },
};

/** The winner (or that none matches) first, then every candidate ranked with why it lost. */
export function MatchResult({
  orgId,
  result,
  what,
}: {
  orgId: string;
  result: ResourceMatchResult;
  /** The resource in words ("postgres `shared.db` of shop / staging"). */
  what: string;
}) {
  const { winner, candidates } = result;
  return (
    <div className="stack">
      <Panel titleId="match-answer-heading" title="Answer" failure={!winner}>
        <PanelBody className={winner ? 'defs__winner' : undefined}>
          {winner ? (
            <p role="status">
              <Link to={paths.resourceDef(orgId, winner.def_id)}>
                <strong className="mono">{winner.def_id}</strong>
              </Link>{' '}
              provisions {what}: its criteria &quot;
              {describeCriteria(winner.criteria)}&quot; is the most specific
              that matches. Driver <code>{winner.driver_type}</code>, version{' '}
              <ShortId id={winner.def_version_id} label="Version id" />.
            </p>
          ) : (
            <p role="status">
              No definition matches {what}: a deployment needing it fails. Add a
              criteria to a definition of the type (see the nearest candidates
              below) or{' '}
              <Link to={paths.resourceDef(orgId, 'new')}>create one</Link>.
            </p>
          )}
        </PanelBody>
      </Panel>
      <Panel titleId="match-candidates-heading" title="Candidates">
        <DataTable
          caption="Every definition of the type, ranked"
          label="Candidates, scrollable"
          className="defs-table table--stack"
          columns={['Rank', 'Definition', 'Criteria', 'Outcome', 'Why']}
          rows={candidates}
          empty={
            <PanelBody>
              <p className="muted">There is no definition of this type yet.</p>
            </PanelBody>
          }
          renderRow={(c) => {
            const outcome: StatusView = OUTCOMES[c.outcome] ?? {
              tone: 'unknown',
              label: c.outcome,
            };
            return (
              <tr key={c.def_id}>
                <td className="defs__rank" data-label="Rank">
                  {c.rank}
                </td>
                <th scope="row" data-label="Definition">
                  <Link to={paths.resourceDef(orgId, c.def_id)}>
                    <span className="mono">
                      <IdText text={c.def_id} />
                    </span>
                  </Link>
                  <div className="muted">
                    <code>
                      <IdText text={c.driver_type} />
                    </code>
                  </div>
                </th>
                <td data-label="Criteria">
                  {c.criteria ? describeCriteria(c.criteria) : '—'}
                </td>
                <td data-label="Outcome">
                  <StatusBadge status={outcome} />
                </td>
                <td className="defs__reason" data-label="Why">
                  <ApiText text={c.reason} />
                </td>
              </tr>
            );
          }}
        />
      </Panel>
    </div>
  );
}
