import { useRef, useState, type ReactNode } from 'react';
import type { FieldIndexSource } from './schema-field-index';
import { FieldSearch } from './schema-field-search';
import { focusFirstError } from './schema-form-focus';
import { SectionNav, type NavSection } from './schema-section-nav';

function FirstError({ count }: { count: number }) {
  const button = useRef<HTMLButtonElement>(null);
  const [missing, setMissing] = useState(false);
  return (
    <div className="schema-large__errors">
      <span className="schema-large__count">
        {count} {count === 1 ? 'error' : 'errors'}
      </span>
      <button
        type="button"
        ref={button}
        className="button button--small"
        onClick={() => {
          const form = button.current?.closest('form');
          setMissing(!(form && focusFirstError(form)));
        }}
      >
        Go to first error
      </button>
      {missing && (
        <span className="muted">The fields with errors are not shown.</span>
      )}
    </div>
  );
}

/**
 * The frame of a large form: field search, "Go to first error" and the
 * section list beside the sections (sticky while the form scrolls), or above
 * them where the form is narrow.
 */
export function LargeFormLayout({
  sections,
  errors,
  source,
  children,
}: {
  sections: NavSection[];
  /** Messages in the whole form. */
  errors: number;
  source: FieldIndexSource;
  children: ReactNode;
}) {
  return (
    <div className="schema-large">
      <div className="schema-large__frame">
        <div className="schema-large__aside">
          <FieldSearch source={source} />
          {errors > 0 && <FirstError key={errors} count={errors} />}
          {sections.length > 1 && <SectionNav sections={sections} />}
        </div>
        <div className="schema-large__body">{children}</div>
      </div>
    </div>
  );
}
