import { lazy, Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';

/** Props of {@link DiffEditor}. */
export interface DiffEditorProps {
  original: string;
  modified: string;
  /** Language of both sides (default YAML). */
  language?: 'yaml' | 'json';
  /** Accessible name of the editor, e.g. "Raw diff of the deployment sets". */
  label: string;
  /** Side by side (default) or inline. */
  sideBySide?: boolean;
  height?: number | string;
}

// Monaco (about 1 MB gz) loads only when a DiffEditor is first shown.
const MonacoDiffEditor = lazy(() => import('./diff-editor-monaco'));

/** A read-only Monaco diff editor, loaded lazily, with a skeleton meanwhile. */
export function DiffEditor(props: DiffEditorProps) {
  return (
    <Suspense fallback={<Skeleton rows={8} label="Loading the diff editor" />}>
      <MonacoDiffEditor {...props} />
    </Suspense>
  );
}
