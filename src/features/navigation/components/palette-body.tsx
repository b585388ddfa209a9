import { Command } from 'cmdk';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useParams } from 'react-router';
import { describeError } from '@/lib/errors';
import { usePaletteResults } from '../hooks/use-palette-results';
import { usePaletteSelect } from '../hooks/use-palette-select';
import { ROOT_STEP, stepText } from '../utils/palette-steps';
import { flattenGroups, type PaletteRow } from '../utils/palette-rows';
import { useNavigationUi } from './navigation-context';
import { PaletteRows, type PaletteRowsHandle } from './palette-rows';

const isItem = (row: PaletteRow) => row.type === 'item';

/**
 * Input, notices, results and key hints of one palette step; `initialQuery`
 * is what was typed while this code was loading.
 */
export function PaletteBody({ initialQuery = '' }: { initialQuery?: string }) {
  const ui = useNavigationUi();
  const { orgId, appId } = useParams();
  const [query, setQuery] = useState(initialQuery);
  const [selected, setSelected] = useState('');
  const { groups, index } = usePaletteResults(
    orgId,
    ui.paletteStep,
    query,
    appId,
  );
  const { rows, itemCount } = useMemo(() => flattenGroups(groups), [groups]);
  const keys = useMemo(
    () => new Set(rows.filter(isItem).map((r) => r.key)),
    [rows],
  );
  const select = usePaletteSelect();
  const list = useRef<PaletteRowsHandle>(null);
  const first = rows.find(isItem)?.key ?? '';
  const value = keys.has(selected) ? selected : first;
  const { prompt, chip } = stepText(ui.paletteStep);

  const chosen = () =>
    rows.find(
      (r): r is Extract<PaletteRow, { type: 'item' }> => r.key === value,
    );
  const onKeyDown = (event: KeyboardEvent) => {
    if (
      event.key === 'Backspace' &&
      query === '' &&
      ui.paletteStep.kind !== 'root'
    ) {
      event.preventDefault();
      ui.setPaletteStep(ROOT_STEP);
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      const row = chosen();
      if (row) select(row.item, true);
    } else if (event.key === 'Home' || event.key === 'End') {
      const items = rows.filter(isItem);
      const target = event.key === 'Home' ? items[0] : items[items.length - 1];
      if (!target) return;
      event.preventDefault();
      setSelected(target.key);
      list.current?.scrollToKey(target.key);
    }
  };

  return (
    <Command
      label="Command palette"
      shouldFilter={false}
      loop
      value={value}
      onValueChange={setSelected}
      onKeyDown={onKeyDown}
    >
      <div className="palette__input-row">
        {chip && <span className="palette__chip">{chip}</span>}
        <Command.Input
          // Each step mounts a new input: keep typing without reaching for the mouse.
          autoFocus
          className="palette__input"
          placeholder={prompt}
          value={query}
          onValueChange={(next) => {
            setQuery(next);
            setSelected('');
          }}
        />
      </div>
      {index.isPending && !!orgId && (
        <p className="palette__notice">
          Loading apps, environments and deployments…
        </p>
      )}
      {index.isError && (
        <p className="palette__notice palette__notice--error" role="status">
          Could not load the apps: {describeError(index.error).message}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void index.refetch()}
          >
            Retry
          </button>
        </p>
      )}
      {index.data && !index.data.complete && (
        <p className="palette__notice" role="status">
          This API has no navigation index: searching apps and environments only
          (no deployments or workloads).
        </p>
      )}
      <PaletteRows
        handleRef={list}
        rows={rows}
        itemCount={itemCount}
        onSelect={select}
      />
      {rows.length === 0 && (
        <p className="palette__empty" role="status">
          {query ? `Nothing matches “${query}”.` : 'Nothing to show yet.'}
          {ui.paletteStep.kind !== 'root' && ' Backspace goes back.'}
        </p>
      )}
      <p id="palette-hints" className="palette__hints">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Ctrl</kbd>
        +<kbd>Enter</kbd> new tab ·{' '}
        {ui.paletteStep.kind === 'root' ? (
          ''
        ) : (
          <>
            <kbd>Backspace</kbd> back ·{' '}
          </>
        )}
        <kbd>Esc</kbd> close
      </p>
    </Command>
  );
}
