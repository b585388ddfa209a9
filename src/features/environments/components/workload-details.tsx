import type { Workload } from '@/api/types';
import { profileLabel, vocabulary } from '@/lib/vocabulary';
import { containersOf } from '../utils/workloads';
import { ValueText } from '@/components/ui/id-text';
import { ImageRef } from '@/components/ui/image-ref';

/** What a workload consists of: profile, containers with variables, private resources. */
export function WorkloadDetails({ workload }: { workload: Workload }) {
  const externals = Object.entries(workload.externals ?? {});
  return (
    <div className="stack">
      <dl className="kv">
        <dt>Profile</dt>
        <dd>
          <code>{profileLabel(workload.profile)}</code>
        </dd>
      </dl>
      {containersOf(workload).map((c) => (
        <section key={c.id} aria-label={`Container ${c.id}`}>
          <h3>
            Container <code>{c.id}</code>
          </h3>
          <dl className="kv">
            <dt>Image</dt>
            <dd>
              <ImageRef image={c.image} />
            </dd>
            {Object.entries(c.variables).map(([key, value]) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt className="mono">{key}</dt>
                <dd className="mono">
                  <ValueText text={String(value)} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section aria-label={vocabulary.externals.title}>
        <h3>{vocabulary.externals.title}</h3>
        {externals.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul>
            {externals.map(([name, res]) => (
              <li key={name}>
                <code>{name}</code> (
                {(res as { type?: string }).type ?? 'unknown type'})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
