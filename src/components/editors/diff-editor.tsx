import { lazy, Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import type { DiffEditorProps } from './diff-editor-types';

export type { DiffEditorProps } from './diff-editor-types';

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
