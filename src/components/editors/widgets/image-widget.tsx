import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { joinImageRef, parseImageRef } from './values';

/** An image reference as repository + tag; pasting a full reference into the first box splits it. */
export function ImageWidget({
  id,
  label,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  placeholder,
  rawErrors,
  required,
  uiSchema,
}: WidgetProps) {
  const current = parseImageRef(typeof value === 'string' ? value : '');
  const hint = `${id}__hint`;
  // The field's own help (x-console-help) says what to enter; the widget's generic hint only stands in for it.
  const generic = uiSchema?.['ui:help']
    ? ''
    : 'Repository and tag, e.g. registry.acme.dev/team/app and 1.4.2.';
  const emit = (next: { repository: string; tag: string }) =>
    onChange(joinImageRef(next) || undefined);
  const shared = {
    disabled,
    readOnly: readonly,
    spellCheck: false,
    autoComplete: 'off',
    className: 'input mono',
    'aria-invalid': (rawErrors?.length ?? 0) > 0,
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  };
  return (
    <div className="widget-image">
      <div className="widget-image__inputs">
        <input
          {...shared}
          id={id}
          required={required}
          value={current.repository}
          placeholder={
            placeholder
              ? parseImageRef(placeholder).repository
              : 'registry/team/app'
          }
          aria-describedby={`${ariaDescribedByIds(id)} ${hint}`}
          onChange={(e) => {
            const text = e.target.value;
            const name = text.slice(text.lastIndexOf('/') + 1);
            if (!name.includes(':') && !text.includes('@'))
              return emit({ repository: text, tag: current.tag });
            // Typing ":" (or pasting a full reference) moves on to the tag.
            emit(parseImageRef(text));
            document.getElementById(`${id}__tag`)?.focus();
          }}
        />
        <span aria-hidden="true" className="muted">
          :
        </span>
        <input
          {...shared}
          id={`${id}__tag`}
          className="input mono widget-image__tag"
          aria-label={`${label || 'Image'} tag`}
          value={current.tag}
          placeholder={
            placeholder ? parseImageRef(placeholder).tag || 'tag' : 'tag'
          }
          onChange={(e) =>
            emit({ repository: current.repository, tag: e.target.value })
          }
        />
      </div>
      <span id={hint} className="field__hint">
        {current.repository && !current.tag
          ? 'No tag: the cluster pulls :latest, which changes under you. Pin a version.'
          : generic}
      </span>
    </div>
  );
}
