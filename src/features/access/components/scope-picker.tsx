import { ErrorPanel } from '@/components/ui/error-panel';
import './scope-picker.css';

interface ScopePickerProps {
  /** The legend, e.g. "Limit to apps". */
  legend: string;
  /** What the list holds, for the empty and error states (e.g. "apps"). */
  noun: string;
  items: { id: string; name?: string }[] | undefined;
  isError: boolean;
  error: unknown;
  onRetry: () => void;
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A checkbox list of what a token may be limited to (none checked: no limit). */
export function ScopePicker({
  legend,
  noun,
  items,
  isError,
  error,
  onRetry,
  selected,
  onChange,
}: ScopePickerProps) {
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="scope-picker">
      <legend>{legend}</legend>
      {isError ? (
        <ErrorPanel
          error={error}
          action={`load the ${noun}`}
          onRetry={onRetry}
        />
      ) : items === undefined ? (
        <p className="muted">Loading the {noun}…</p>
      ) : items.length === 0 ? (
        <p className="muted">There are no {noun} yet.</p>
      ) : (
        <ul className="scope-picker__list">
          {items.map((item) => (
            <li key={item.id}>
              <label>
                <input
                  type="checkbox"
                  checked={selected.includes(item.id)}
                  onChange={(e) => toggle(item.id, e.target.checked)}
                />{' '}
                {item.name && item.name !== item.id ? (
                  <>
                    {item.name} <code className="muted">{item.id}</code>
                  </>
                ) : (
                  <code>{item.id}</code>
                )}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint">
        {selected.length === 0
          ? `None checked: all ${noun}.`
          : `Only the ${selected.length} checked.`}
      </p>
    </fieldset>
  );
}
