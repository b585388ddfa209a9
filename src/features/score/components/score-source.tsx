import { useId, type FormEvent } from 'react';
import { Panel, PanelBody } from '@/components/ui/panel';
import { TextField } from '@/components/ui/text-field';
import {
  SCORE_SAMPLE_TITLES,
  SCORE_SAMPLE_EXTENSIONS,
  SCORE_SAMPLES,
  type ScoreSampleName,
} from '@/lib/score/samples';
import type { ScoreInput } from '../mutations';
import './score.css';

interface ScoreSourceProps {
  value: ScoreInput;
  onChange: (next: ScoreInput) => void;
  onPreview: () => void;
  previewing: boolean;
  /** Says that the text shown is a draft kept from an earlier visit. */
  restored: boolean;
  onDiscard: () => void;
}

/** The id of the Score file's form (the page moves focus to the preview only from it). */
export const SCORE_SOURCE_FORM_ID = 'score-source';

/** Where the Score file comes from: a sample, an uploaded file or pasted text; extensions and the image of "." containers. */
export function ScoreSource({
  value,
  onChange,
  onPreview,
  previewing,
  restored,
  onDiscard,
}: ScoreSourceProps) {
  const id = useId();
  const set = (patch: Partial<ScoreInput>) => onChange({ ...value, ...patch });
  const onUpload = async (file: File | undefined) => {
    if (file) set({ text: await file.text() });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPreview();
  };
  return (
    <Panel
      as="form"
      id={SCORE_SOURCE_FORM_ID}
      title="Score file"
      onSubmit={submit}
      noValidate
    >
      <PanelBody>
        <div className="score-pickers">
          <div className="field">
            <label htmlFor={`${id}-sample`}>Start from a sample</label>
            <select
              id={`${id}-sample`}
              className="input"
              value=""
              onChange={(event) => {
                const name = event.target.value as ScoreSampleName;
                // A sample comes with its extensions file, or clears one left from another sample.
                if (name)
                  set({
                    text: SCORE_SAMPLES[name],
                    extensions: SCORE_SAMPLE_EXTENSIONS[name] ?? '',
                  });
              }}
            >
              <option value="">Choose a sample…</option>
              {(Object.keys(SCORE_SAMPLES) as ScoreSampleName[]).map((name) => (
                <option key={name} value={name}>
                  {SCORE_SAMPLE_TITLES[name]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-upload`}>Upload score.yaml</label>
            <input
              id={`${id}-upload`}
              type="file"
              className="input"
              accept=".yaml,.yml,.json,application/yaml,text/yaml"
              onChange={(event) => void onUpload(event.target.files?.[0])}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Score file (YAML)</label>
          {/* Said beside the text it is about, not after the button far below. */}
          {restored && (
            <div className="row">
              <span className="muted">Restored your unsaved Score file.</span>
              <button
                type="button"
                className="button button--small"
                onClick={onDiscard}
              >
                Discard it
              </button>
            </div>
          )}
          <textarea
            id={`${id}-text`}
            className="input mono score-text"
            rows={16}
            spellCheck={false}
            value={value.text}
            aria-describedby={`${id}-text-help`}
            onChange={(event) => set({ text: event.target.value })}
          />
          <p id={`${id}-text-help`} className="muted">
            Paste a Score file (score.dev/v1b1), upload one or start from a
            sample. Unsaved text is kept in this browser until you deploy.
          </p>
        </div>
        <details className="score-extras">
          <summary>Humanitec extensions and image (optional)</summary>
          <div className="field">
            <label htmlFor={`${id}-extensions`}>
              Extensions file (humanitec.org/v1b1)
            </label>
            <textarea
              id={`${id}-extensions`}
              className="input mono score-text"
              rows={6}
              spellCheck={false}
              value={value.extensions}
              onChange={(event) => set({ extensions: event.target.value })}
            />
          </div>
          <TextField
            id={`${id}-image`}
            label='Image of containers whose image is "."'
            mono
            value={value.image}
            onChange={(image) => set({ image })}
            placeholder="registry.acme.dev/team/app:1.0.0"
          />
        </details>
        <div className="row">
          <button
            type="submit"
            className="button button--primary"
            disabled={previewing || value.text.trim() === ''}
          >
            {previewing ? 'Converting…' : 'Preview the deployment'}
          </button>
        </div>
      </PanelBody>
    </Panel>
  );
}
