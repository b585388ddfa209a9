import type { ArrayFieldItemTemplateProps, UiSchema } from '@rjsf/utils';
import {
  cloneElement,
  isValidElement,
  useMemo,
  type ReactElement,
} from 'react';
import { fieldLabel, singular } from '@/lib/json-schema/labels';
import './widgets/widgets.css';

/** Properties that name an item when the list does not say which (`x-console-item-title`). */
const NAMING = ['name', 'id', 'title'];

const optionsOf = (ui: unknown): Record<string, unknown> => {
  const options = (ui as UiSchema | undefined)?.['ui:options'];
  return typeof options === 'object' && options !== null
    ? (options as Record<string, unknown>)
    : {};
};

/**
 * What an item of a list is called: the value of the property the list names
 * (`x-console-item-title`, compiled to `ui:options.itemTitle`), else of its
 * `name`, `id` or `title`, else "Sidecar 2" (`listLabel`: what one item
 * is called, "Item 2" without one).
 */
export function itemTitle(
  item: unknown,
  index: number,
  listUiSchema: unknown,
  listLabel = '',
): string {
  const named = optionsOf(listUiSchema).itemTitle;
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const record = item as Record<string, unknown>;
    for (const key of typeof named === 'string' ? [named] : NAMING) {
      const value = record[key];
      if (
        (typeof value === 'string' && value.trim()) ||
        typeof value === 'number'
      )
        return String(value).trim();
    }
  }
  return `${listLabel || 'Item'} ${index + 1}`;
}

type ItemProps = {
  formData?: unknown;
  uiSchema?: UiSchema;
  schema?: { type?: unknown; properties?: unknown };
  required?: boolean;
};

/**
 * An item of a list: titled from its content (a sidecar shows its name, see
 * {@link itemTitle}) instead of RJSF's "Sidecars-2", with move and remove
 * buttons that say which item they act on ("Remove proxy").
 */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index, parentUiSchema } = props;
  const element = isValidElement(children)
    ? (children as ReactElement<ItemProps>)
    : undefined;
  // The list's title in the singular (labels.ts), else its property name in words.
  const entryLabel = optionsOf(props.uiSchema).entryLabel;
  const listLabel =
    typeof entryLabel === 'string' && entryLabel
      ? entryLabel
      : singular(fieldLabel(undefined, parentUiSchema, undefined));
  const title = itemTitle(
    element?.props.formData,
    index,
    parentUiSchema,
    listLabel,
  );
  const itemUi = element?.props.uiSchema;
  const uiSchema = useMemo(
    () => ({ ...itemUi, 'ui:title': title }),
    [itemUi, title],
  );
  // RJSF marks every item required; on an object item that puts a "*" in its
  // title ("proxy*", read as "proxy star"), though no item is a required field.
  const itemSchema = element?.props.schema;
  const objectItem =
    itemSchema?.type === 'object' ||
    (itemSchema?.type === undefined && !!itemSchema?.properties);
  const content = element
    ? cloneElement(
        element,
        objectItem ? { uiSchema, required: false } : { uiSchema },
      )
    : children;
  const {
    disabled,
    readonly,
    hasMoveUp,
    hasMoveDown,
    hasRemove,
    hasCopy,
    onMoveUpItem,
    onMoveDownItem,
    onRemoveItem,
    onCopyItem,
  } = buttonsProps;
  const locked = disabled || readonly;
  const button = (
    show: boolean,
    text: string,
    name: string,
    onClick: (event?: unknown) => void,
    enabled = true,
  ) =>
    show && (
      <button
        type="button"
        className="icon-button"
        aria-label={name}
        title={name}
        disabled={locked || !enabled}
        onClick={onClick}
      >
        <span aria-hidden="true">{text}</span>
      </button>
    );
  return (
    <div className="schema-array-item">
      <div className="schema-array-item__content">{content}</div>
      {hasToolbar && (
        <div className="schema-array-item__toolbar">
          {button(
            hasMoveUp || hasMoveDown,
            '↑',
            `Move ${title} up`,
            onMoveUpItem,
            hasMoveUp,
          )}
          {button(
            hasMoveUp || hasMoveDown,
            '↓',
            `Move ${title} down`,
            onMoveDownItem,
            hasMoveDown,
          )}
          {button(hasCopy, '⧉', `Copy ${title}`, onCopyItem)}
          {button(hasRemove, '×', `Remove ${title}`, onRemoveItem)}
        </div>
      )}
    </div>
  );
}
