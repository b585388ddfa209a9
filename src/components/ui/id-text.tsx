import { Fragment } from 'react';
import './id-text.css';

/**
 * An id that may wrap after its dots and slashes (`modules.worker.externals.exports`) but never inside a part, not
 * even at a hyphen (`k8s-namespace`, `default-dns` stay whole on a phone): each part is unbreakable, with a break
 * opportunity between them.
 */
export function IdText({ text }: { text: string }) {
  const parts = text.split(/(?<=[./])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className="id-text__part">{part}</span>
        </Fragment>
      ))}
    </>
  );
}

/**
 * A value (a URL, a template with `${…}` placeholders) that wraps after its separators (`/`, `:`, `.`, `,`, `=`,
 * `&`, `?`, `}`) and before a placeholder, rather than inside a port number or a word; a part too long for its line
 * still breaks where it must (`overflow-wrap: break-word`), so a phone never scrolls sideways.
 */
export function ValueText({ text }: { text: string }) {
  const parts = text.split(/(?<=[/:.,=&?}])|(?=\$\{)/);
  return (
    <span className="value-text">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
