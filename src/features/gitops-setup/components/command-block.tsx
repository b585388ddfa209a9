import { useId } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { CommandBlock } from '../utils/setup-commands';

/** One step of the setup: its title, why, and the commands with a copy button (the text copied is the text shown). */
export function CommandBlockView({ block }: { block: CommandBlock }) {
  const titleId = useId();
  return (
    <section className="setup-step" aria-labelledby={titleId}>
      <div className="setup-step__header">
        <h3 id={titleId}>{block.title}</h3>
        <CopyButton text={block.text} label={`the commands: ${block.title}`} />
      </div>
      <p className="muted">{block.description}</p>
      <pre
        className="setup-step__code"
        role="group"
        data-testid={`setup-${block.id}`}
        tabIndex={0}
        aria-label={`${block.title}: commands`}
      >
        <code>{block.text}</code>
      </pre>
    </section>
  );
}
