import type { MouseEvent } from 'react';
import { focusableHeading } from '@/lib/focus';
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
    // A click to open the link elsewhere (a new tab or window) is the browser's.
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const heading = focusableHeading(id);
    if (!heading) return;
    event.preventDefault();
    // Under the sticky top bar: the page's scroll-padding-top (global.css) keeps it clear.
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
