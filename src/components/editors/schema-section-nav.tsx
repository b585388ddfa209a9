import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '@/components/layout/icons';
import { REVEAL_EVENT } from './schema-form-focus';

export interface NavSection {
  id: string;
  title: string;
  errors: number;
}

/** The band of the view whose section is the current one: below the sticky bars, above the middle. */
const BAND = '-30% 0px -65% 0px';

/**
 * "On this form": the sections of a large form as links, the one being read
 * marked (aria-current) as the page scrolls. A side list where the form is
 * wide; a disclosure at the top where it is narrow (schema-form.css).
 */
export function SectionNav({ sections }: { sections: NavSection[] }) {
  const [current, setCurrent] = useState<string>();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // A section chosen from the list stays current until the reader scrolls again.
  const chosen = useRef<string>(undefined);
  const listId = useId();
  const ids = sections.map((s) => s.id).join('\n');

  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const order = ids.split('\n');
    const inBand = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          if (entry.isIntersecting) inBand.add(entry.target.id);
          else inBand.delete(entry.target.id);
        const first = order.find((id) => inBand.has(id));
        if (first && !chosen.current) setCurrent(first);
      },
      { rootMargin: BAND },
    );
    for (const id of order) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    const scrolled = () => (chosen.current = undefined);
    const events = ['wheel', 'touchmove', 'keydown'] as const;
    events.forEach((e) => window.addEventListener(e, scrolled));
    return () => {
      observer.disconnect();
      events.forEach((e) => window.removeEventListener(e, scrolled));
    };
  }, [ids]);

  const shown = sections.find((s) => s.id === current) ?? sections[0];
  const go = (id: string) => {
    setOpen(false);
    setCurrent(id);
    const section = document.getElementById(id);
    section?.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
    const heading =
      section?.querySelector<HTMLElement>('.schema-section__toggle') ?? section;
    heading?.focus({ preventScroll: true });
    section?.scrollIntoView({ block: 'start' });
    chosen.current = id;
  };

  return (
    <nav className="schema-nav" aria-label="On this form">
      <p className="schema-nav__title" aria-hidden="true">
        On this form
      </p>
      <button
        type="button"
        ref={toggle}
        className="button schema-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span className="schema-nav__toggle-text">
          On this form: {shown?.title}
        </span>
        <Icon name="chevronDown" />
      </button>
      <ol
        id={listId}
        className="schema-nav__list"
        data-open={open || undefined}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return;
          setOpen(false);
          toggle.current?.focus();
        }}
      >
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className="schema-nav__link"
              aria-current={section === shown ? 'location' : undefined}
              onClick={(event) => {
                event.preventDefault();
                go(section.id);
              }}
            >
              <span className="schema-nav__name">{section.title}</span>
              {section.errors > 0 && (
                <>
                  {' '}
                  <span className="schema-nav__errors">
                    {section.errors} {section.errors === 1 ? 'error' : 'errors'}
                  </span>
                </>
              )}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
