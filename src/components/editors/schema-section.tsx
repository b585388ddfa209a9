import {
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { Icon } from '@/components/layout/icons';
import { LargeFormContext } from './schema-form-large';
import { REVEAL_EVENT } from './schema-form-focus';

interface SectionProps {
  /** Id of the section (the object's field id, or one made for a group). */
  id: string;
  title: string;
  /** Id of the toggle (RJSF's title id of the object, which its fields may refer to). */
  titleId?: string;
  required?: boolean;
  /** Messages of the fields inside, shown by the heading even when collapsed. */
  errors: number;
  className: string;
  children: ReactNode;
}

/**
 * A top-level section of a large form: a fieldset whose heading is a button
 * that collapses and expands it. Collapsed content stays in the page
 * (`hidden="until-found"`: the browser's find-in-page opens it), so nothing
 * typed is lost, its errors still count, and a jump to a field inside it
 * (REVEAL_EVENT) expands it first.
 */
export function Section(props: SectionProps) {
  const { id, title, titleId, required, errors, className, children } = props;
  const store = useContext(LargeFormContext);
  if (!store) throw new Error('Section is only drawn in a large form');
  const collapsed = useSyncExternalStore(store.subscribe, () =>
    store.collapsed(id),
  );
  const content = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLFieldSetElement>(null);
  // React sets `hidden` only as a boolean: until-found is set here (and only here).
  useLayoutEffect(() => {
    if (collapsed) content.current?.setAttribute('hidden', 'until-found');
    else content.current?.removeAttribute('hidden');
  }, [collapsed]);
  // A jump to the section or to a field inside it (REVEAL_EVENT), or find-in-page (beforematch), expands it.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const expand = () => {
      content.current?.removeAttribute('hidden');
      store.set(id, false);
    };
    element.addEventListener(REVEAL_EVENT, expand);
    element.addEventListener('beforematch', expand);
    return () => {
      element.removeEventListener(REVEAL_EVENT, expand);
      element.removeEventListener('beforematch', expand);
    };
  }, [id, store]);
  const contentId = `${id}__content`;
  const errorsId = `${id}__errors`;
  return (
    <fieldset
      ref={root}
      className={`${className} schema-section`}
      id={id}
      data-collapsed={collapsed || undefined}
    >
      <legend className="schema-section__legend">
        <h3 className="schema-section__heading">
          <button
            type="button"
            id={titleId}
            className="schema-section__toggle"
            aria-expanded={!collapsed}
            aria-controls={contentId}
            aria-describedby={errors > 0 ? errorsId : undefined}
            onClick={() => store.set(id, !collapsed)}
          >
            <Icon name="chevronDown" />
            {title}
            {required && (
              <span className="required" aria-hidden="true">
                *
              </span>
            )}
          </button>
        </h3>
        {errors > 0 && (
          <span id={errorsId} className="schema-section__errors">
            {errors} {errors === 1 ? 'error' : 'errors'}
          </span>
        )}
      </legend>
      <div id={contentId} ref={content} className="schema-section__content">
        {children}
      </div>
    </fieldset>
  );
}
