import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Icon } from '@/components/layout/icons';
import {
  fieldIndex,
  searchFields,
  type FieldEntry,
  type FieldIndexSource,
} from './schema-field-index';
import { focusField } from './schema-form-focus';

const SHOWN = 8;

/**
 * "Find a field": a combobox over the form's fields by label, section and
 * property path. Enter (or a click) on a result expands its section, scrolls
 * the field into view and focuses it. The index is built only while the list
 * is open, so typing in the form never pays for it.
 */
export function FieldSearch({ source }: { source: FieldIndexSource }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState('');
  const id = useId();
  const searching = open && query.trim() !== '';
  const results = useMemo(
    () => (searching ? searchFields(fieldIndex(source), query) : []),
    [searching, source, query],
  );
  const shown = results.slice(0, SHOWN);
  const expanded = searching && shown.length > 0;
  const current = Math.min(active, shown.length - 1);

  const choose = (entry: FieldEntry) => {
    setOpen(false);
    setNote(
      focusField(entry.id)
        ? ''
        : `${entry.label} is not shown now: a condition of the form hides it.`,
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move) {
      // Opens the list again after Escape, then moves through it.
      event.preventDefault();
      if (!expanded) setOpen(true);
      else setActive((current + move + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      // Never submits the form.
      event.preventDefault();
      if (expanded) choose(shown[current]!);
    } else if (event.key === 'Escape' && (open || query)) {
      event.preventDefault();
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  const status = !searching
    ? note
    : results.length === 0
      ? `No field matches “${query.trim()}”.`
      : `${results.length} ${results.length === 1 ? 'field matches' : 'fields match'}${results.length > SHOWN ? `; the first ${SHOWN} are listed` : ''}.`;
  return (
    <div className="schema-search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Find a field
      </label>
      <div className="schema-search__box">
        <Icon name="search" />
        <input
          id={`${id}-input`}
          className="input schema-search__input"
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Find a field"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={
            expanded ? `${id}-option-${current}` : undefined
          }
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
            setNote('');
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Fields"
        className="schema-search__list"
        hidden={!expanded}
      >
        {shown.map((entry, i) => (
          <li
            key={entry.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === current}
            className="schema-search__option"
            // Keeps the focus in the input until the click chooses.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entry)}
          >
            <span className="schema-search__label">{entry.label}</span>
            <span className="schema-search__where">
              {entry.trail.length > 0 && `${entry.trail.join(' › ')} · `}
              <span className="mono">{entry.path}</span>
            </span>
          </li>
        ))}
      </ul>
      <p
        role="status"
        className={
          searching && results.length > 0
            ? 'visually-hidden'
            : 'schema-search__status'
        }
      >
        {status}
      </p>
    </div>
  );
}
