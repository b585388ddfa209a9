import { TranslatableString, type IconButtonProps } from '@rjsf/utils';

type Props = IconButtonProps & { text: string; className?: string };

/** RJSF's icon buttons draw Glyphicons, which the console does not ship: ours show a symbol and a name. */
function TextButton({
  id,
  onClick,
  disabled,
  title,
  text,
  className = '',
}: Props) {
  return (
    <button
      id={id}
      type="button"
      className={`icon-button ${className}`}
      onClick={onClick}
      disabled={disabled}
      title={title}
      aria-label={title}
    >
      <span aria-hidden="true">{text}</span>
    </button>
  );
}

/** The button templates of the console's forms. */
export const buttonTemplates = {
  AddButton: ({
    id,
    onClick,
    disabled,
    registry,
    className,
  }: IconButtonProps) => (
    <button
      id={id}
      type="button"
      className={`button button--small schema-add ${className ?? ''}`}
      onClick={onClick}
      disabled={disabled}
      // Forms have many Add buttons: the name says where it adds (from the field id, e.g. "containers › api › command").
      aria-label={`${registry.translateString(TranslatableString.AddButton)} to ${
        (id ?? '')
          .replace(/__add$/, '')
          .split('_')
          .slice(1)
          .join(' › ') || 'the form'
      }`}
    >
      + {registry.translateString(TranslatableString.AddButton)}
    </button>
  ),
  RemoveButton: (p: IconButtonProps) => (
    <TextButton
      {...p}
      text="×"
      title={p.registry.translateString(TranslatableString.RemoveButton)}
    />
  ),
  MoveUpButton: (p: IconButtonProps) => (
    <TextButton
      {...p}
      text="↑"
      title={p.registry.translateString(TranslatableString.MoveUpButton)}
    />
  ),
  MoveDownButton: (p: IconButtonProps) => (
    <TextButton
      {...p}
      text="↓"
      title={p.registry.translateString(TranslatableString.MoveDownButton)}
    />
  ),
  CopyButton: (p: IconButtonProps) => (
    <TextButton
      {...p}
      text="⧉"
      title={p.registry.translateString(TranslatableString.CopyButton)}
    />
  ),
  ClearButton: (p: IconButtonProps) => (
    <TextButton
      {...p}
      text="×"
      title={p.registry.translateString(TranslatableString.ClearButton)}
    />
  ),
};
