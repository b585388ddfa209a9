/**
 * Monaco needs a real browser (workers, layout); route tests that only type a
 * profile's text replace the code editor with this textarea:
 * `vi.mock('@/components/editors/code-editor', () => import('@/testing/textarea-code-editor'))`.
 * e2e/profiles.spec.ts drives the real editor.
 */
export function CodeEditor(props: {
  value: string;
  onChange: (v: string) => void;
  label: string;
}) {
  return (
    <textarea
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
