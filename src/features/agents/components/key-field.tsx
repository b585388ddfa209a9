import type { KeyCheck } from '../key-check';
import { shortFingerprint } from '../key-check';

/** A textarea for a public key PEM, with the browser's verdict below it (announced politely). */
export function KeyField({
  id,
  label,
  value,
  onChange,
  check,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  check: KeyCheck | undefined;
}) {
  const hint = `${id}-verdict`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input mono"
        rows={6}
        spellCheck={false}
        autoComplete="off"
        placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
        value={value}
        aria-describedby={hint}
        aria-invalid={check && !check.ok ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={hint} className="field__hint" role="status" aria-live="polite">
        {check === undefined
          ? 'RSA, at least 4,096 bits, PEM (the whole agent.pub.pem).'
          : check.ok
            ? `RSA ${check.bits} bits, fingerprint ${shortFingerprint(check.fingerprint)}: ready to send.`
            : check.problem}
      </p>
    </div>
  );
}
