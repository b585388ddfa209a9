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

const FIELDS = 'input:not([type="hidden"]), select, textarea';

/**
 * The map (its field id) whose Add button was just pressed, until its new entry mounts: the form library names a new
 * map entry `newKey`, and the entry's template (schema-templates.tsx) gives it the name of what it is instead
 * ("container"), only then, never to an entry that was named so on purpose.
 */
let mapJustAdded: string | undefined;

/** Whether the entry `label` of the map `mapId` is the one an Add just made (true once). */
export function takeJustAdded(mapId: string, label: string): boolean {
  if (mapJustAdded !== mapId || !/^newKey(-\d+)?$/.test(label)) return false;
  mapJustAdded = undefined;
  return true;
}

/**
 * After an Add: focus the first field of what was added (a map entry's name, an array item's first field),
 * found as the first field of the form whose id was not there before (nothing else of the form changes); a text field's
 * text selected. The button moves down
 * past the new entry, so focus left on it put the new fields a long way back. Only while focus is still on
 * the button (or dropped to <body>): never taken from where the user put it.
 */
function focusAdded(button: HTMLElement, before: Set<string>, tries = 5) {
  const active = document.activeElement;
  if (active && active !== button && active !== document.body) return;
  const scope = button.closest('form') ?? button.parentElement;
  const added = [...(scope?.querySelectorAll<HTMLElement>(FIELDS) ?? [])].find(
    (field) => field.id && !before.has(field.id),
  );
  if (added) {
    added.focus();
    // A map entry's name is a placeholder ("newKey"): selected, so that typing the real name replaces it.
    if (added instanceof HTMLInputElement && added.type === 'text')
      added.select();
  } else if (tries > 0)
    requestAnimationFrame(() => focusAdded(button, before, tries - 1));
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
      onClick={(event) => {
        const button = event.currentTarget;
        const scope = button.closest('form') ?? button.parentElement;
        const before = new Set(
          [...(scope?.querySelectorAll<HTMLElement>(FIELDS) ?? [])].map(
            (field) => field.id,
          ),
        );
        mapJustAdded = id?.replace(/__add$/, '');
        onClick?.(event);
        requestAnimationFrame(() => {
          mapJustAdded = undefined;
          focusAdded(button, before);
        });
      }}
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
