import { Fragment } from 'react';

/**
 * An id that may wrap after its dots and slashes (`modules.api.externals.db`) but never inside a part, not even at a
 * hyphen: `default-dns` and `postgres-default` stay whole on a phone, as in the environment's Resources panel.
 */
export function DefId({ text }: { text: string }) {
  const parts = text.split(/(?<=[./])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className="defs__id-part">{part}</span>
        </Fragment>
      ))}
    </>
  );
}
