import { catalogueEntry } from '@/lib/error-catalogue';
import { ApiText } from './api-text';

/** What an error code means and how to fix it, from the error catalogue; nothing for an unknown code. */
export function ErrorHint({ code }: { code: string | undefined }) {
  const entry = catalogueEntry(code);
  if (!entry) return null;
  return (
    <div className="error-hint">
      <p>
        <strong>{entry.title}.</strong> <ApiText text={entry.explanation} />
      </p>
      <p>
        <strong>How to fix it:</strong> <ApiText text={entry.fix} />
      </p>
    </div>
  );
}
