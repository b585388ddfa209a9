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
