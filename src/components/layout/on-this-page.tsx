import type { MouseEvent } from 'react';
import './on-this-page.css';

/** A section of a long page: the id of its heading and what the link says. */
export interface PageSection {
  id: string;
  label: string;
}

/**
 * "On this page": links to a long page's sections, near its top. A keyboard user reaches a section in a few Tabs
 * instead of walking every control above it (the environment page had ~58 before its deployment history). Following
 * a link scrolls the section's heading under the top bar and moves focus to it, so the next Tab goes on from there;
 * the address does not change (a hash would be one more history entry to step back through).
 */
export function OnThisPage({ sections }: { sections: readonly PageSection[] }) {
  if (sections.length < 2) return null;
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    event.preventDefault();
    if (!heading.hasAttribute('tabindex'))
      heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav aria-label="On this page" className="on-this-page">
      <span className="on-this-page__label" aria-hidden="true">
        On this page:
      </span>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              onClick={(event) => go(event, section.id)}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
