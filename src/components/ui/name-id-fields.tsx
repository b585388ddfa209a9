/**
 * A display name and the id made from it (the New application and New environment dialogs): each field with
 * its problem in words below it, tied to it with aria-describedby. A problem is announced (role="alert")
 * only after a submit was tried; while typing it is shown and described, not interrupted.
 */
export function NameIdFields({
  prefix,
  name,
  onName,
  id,
  onId,
  nameProblem,
  idProblem,
  tried,
  namePlaceholder,
}: {
  /** The fields' element ids: `${prefix}-name`, `${prefix}-id`. */
  prefix: string;
  name: string;
  onName: (name: string) => void;
  id: string;
  onId: (id: string) => void;
  /** What to say under each field now (undefined: nothing wrong, or not to be said yet). */
  nameProblem?: string;
  idProblem?: string;
  tried: boolean;
  namePlaceholder: string;
}) {
  const role = tried ? 'alert' : undefined;
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input
          id={`${prefix}-name`}
          className="input"
          value={name}
          autoComplete="off"
          placeholder={namePlaceholder}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={nameProblem ? `${prefix}-name-error` : undefined}
          onChange={(e) => onName(e.target.value)}
        />
        {nameProblem && (
          <span
            id={`${prefix}-name-error`}
            className="field__error"
            role={role}
          >
            {nameProblem}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-id`}>Id</label>
        <input
          id={`${prefix}-id`}
          className="input mono"
          value={id}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={idProblem ? true : undefined}
          aria-describedby={
            idProblem ? `${prefix}-id-error` : `${prefix}-id-hint`
          }
          onChange={(e) => onId(e.target.value)}
        />
        {idProblem ? (
          <span id={`${prefix}-id-error`} className="field__error" role={role}>
            {idProblem}
          </span>
        ) : (
          <span id={`${prefix}-id-hint`} className="field__hint">
            In URLs and the API; it cannot be changed later. Made from the name
            until you edit it.
          </span>
        )}
      </div>
    </>
  );
}
