import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange'
> {
  /** The input's id (the label points at it). */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shows the value in the monospace font (ids, hosts). */
  mono?: boolean;
}

/** A labelled one-line input in the forms' `.field` layout; `type="password"` for what must never be shown again. */
export function TextField({
  id,
  label,
  value,
  onChange,
  mono,
  ...input
}: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        className={mono ? 'input mono' : 'input'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
