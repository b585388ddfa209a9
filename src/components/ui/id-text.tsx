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
