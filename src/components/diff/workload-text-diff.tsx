import { useEffect, useState } from 'react';
import { DiffView } from '@/components/editors/diff-view';
import { Skeleton } from '@/components/ui/skeleton';
import { isTaskAborted, scheduleTask } from '@/lib/task-queue';
import type { PatchOp } from '@/lib/diff/field-changes';

interface WorkloadTextDiffProps {
  name: string;
  before: unknown;
  after: unknown;
  /** The delta's ops for this item: they mark which hidden secrets changed. */
  ops: readonly PatchOp[];
  layout: 'unified' | 'split';
  context: 'compact' | 'full';
}

// The YAML library loads with the first text diff, not with the page.
const loadYaml = () => import('@/lib/diff/canonical-yaml');

type Texts = {
  source: [unknown, unknown, readonly PatchOp[]];
  before: string;
  after: string;
};

/** Text diff of the masked canonical YAML before and after (an unchanged item shows its YAML). */
export function WorkloadTextDiff({
  name,
  before,
  after,
  ops,
  layout,
  context,
}: WorkloadTextDiffProps) {
  const [texts, setTexts] = useState<Texts | { error: unknown }>();
  useEffect(() => {
    const controller = new AbortController();
    loadYaml()
      .then((yaml) =>
        scheduleTask(
          () => ({
            before: yaml.maskedYaml(before),
            after: yaml.maskedYaml(after, ops),
          }),
          controller.signal,
        ),
      )
      .then(
        (result) => setTexts({ ...result, source: [before, after, ops] }),
        (error: unknown) => {
          if (!isTaskAborted(error) && !controller.signal.aborted)
            setTexts({ error });
        },
      );
    return () => controller.abort();
  }, [before, after, ops]);
  if (!texts)
    return <Skeleton rows={3} label={`Preparing the YAML of ${name}`} />;
  if ('error' in texts) {
    return (
      <p role="alert" className="error-message">
        The YAML of {name} could not be prepared: {String(texts.error)}
      </p>
    );
  }
  if (texts.before === texts.after) {
    return (
      <pre
        className="diff-yaml"
        role="group"
        aria-label={`YAML of ${name}`}
        tabIndex={0}
      >
        {texts.after}
      </pre>
    );
  }
  return (
    <DiffView
      name={name}
      before={texts.before}
      after={texts.after}
      layout={layout}
      context={context}
      label={`Text diff of ${name}`}
    />
  );
}
