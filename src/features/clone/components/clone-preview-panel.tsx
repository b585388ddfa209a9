import { useState } from 'react';
import type { ClonePreview } from '@/api/clone';
import { DiffDetails } from '@/components/diff/diff-details';
import type { ViewOptions } from '@/lib/diff/view-options';

/** The preview: how the target's set changes, with the same summary, field changes and text diffs as a comparison. */
export function ClonePreviewPanel({
  preview,
  stale,
}: {
  preview: ClonePreview;
  stale: boolean;
}) {
  const [view, setView] = useState<ViewOptions>({
    layout: 'unified',
    context: 'compact',
    changedOnly: true,
    query: '',
  });
  return (
    <section
      aria-labelledby="clone-preview-heading"
      aria-busy={stale}
      className={stale ? 'clone-preview clone-preview--stale' : 'clone-preview'}
    >
      <h2 id="clone-preview-heading" className="clone-preview__title">
        Preview: {preview.target.env_id} after the clone
      </h2>
      <DiffDetails
        delta={preview.delta}
        from={preview.target_set}
        to={preview.result_set}
        view={view}
        onViewChange={setView}
        raw={false}
      />
    </section>
  );
}
