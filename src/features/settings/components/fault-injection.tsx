import { useState, type FormEvent } from 'react';
import {
  FAULT_KINDS,
  FAULTS_STORAGE_KEY,
  formatFaultConfig,
  parseFaultConfig,
  type FaultConfig,
  type FaultKind,
} from '@/contract/fault-config';
import { Panel, PanelBody } from '@/components/ui/panel';

const KIND_LABELS: Record<FaultKind, string> = {
  '500': '500 Internal Server Error',
  '503': '503 Service Unavailable',
  timeout: 'Time-out (carried out, answer lost: 504)',
  network: 'Network error (connection dropped)',
  slow: 'Slow answer',
};

function readStored(): FaultConfig | undefined {
  try {
    return parseFaultConfig(sessionStorage.getItem(FAULTS_STORAGE_KEY) ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Dev panel of the embedded engine: makes a fraction of this tab's API calls
 * fail or slow down (README, "Fault injection"). The mock API reads the
 * setting on every call, so a change applies at once; `?faults=…` on any URL
 * sets the same thing.
 */
export function FaultInjection() {
  const [active, setActive] = useState(readStored);
  const initial = active ?? {
    rate: 0.2,
    kinds: ['500', '503', 'timeout', 'network'],
    delayMs: 500,
    seed: 1,
  };
  const [percent, setPercent] = useState(
    String(Math.round(initial.rate * 100)),
  );
  const [kinds, setKinds] = useState<FaultKind[]>(initial.kinds);
  const [delayMs, setDelayMs] = useState(String(initial.delayMs));
  const [seed, setSeed] = useState(String(initial.seed));
  const [problem, setProblem] = useState<string>();

  const store = (config: FaultConfig | undefined) => {
    if (config)
      sessionStorage.setItem(FAULTS_STORAGE_KEY, formatFaultConfig(config));
    else sessionStorage.removeItem(FAULTS_STORAGE_KEY);
    setActive(config);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    try {
      const text = `rate:${percent.trim() || '0'}%,kinds:${kinds.join('|')},delay:${delayMs.trim()},seed:${seed.trim()}`;
      store(parseFaultConfig(text));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const toggle = (kind: FaultKind, on: boolean) =>
    setKinds((current) =>
      FAULT_KINDS.filter((k) => (k === kind ? on : current.includes(k))),
    );

  return (
    <Panel titleId="faults-heading" title="Fault injection">
      <PanelBody as="form" className="stack" onSubmit={apply} noValidate>
        <p>
          Make some of this tab&apos;s API calls fail or slow down, to see how
          the console copes. Choices are random but reproducible: the same seed
          gives the same faults for the same calls. Applies to the next call.
        </p>
        <p role="status">
          {active
            ? `On: ${Math.round(active.rate * 1000) / 10}% of calls (${active.kinds.join(', ')}), delay ${active.delayMs} ms, seed ${active.seed}.`
            : 'Off: every call is answered normally.'}
        </p>
        <div className="field">
          <label htmlFor="faults-rate">Share of calls that fail (%)</label>
          <input
            id="faults-rate"
            className="input"
            inputMode="decimal"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>Kinds of fault</legend>
          {FAULT_KINDS.map((kind) => (
            <label key={kind} className="row">
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              {KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="faults-delay">
            Delay of slow answers and time-outs (ms)
          </label>
          <input
            id="faults-delay"
            className="input"
            inputMode="numeric"
            value={delayMs}
            onChange={(e) => setDelayMs(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="faults-seed">Seed</label>
          <input
            id="faults-seed"
            className="input"
            inputMode="numeric"
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
          />
        </div>
        {problem && (
          <p role="alert" className="field__error">
            {problem}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button button--primary">
            Apply
          </button>
          <button
            type="button"
            className="button"
            onClick={() => store(undefined)}
            disabled={!active}
          >
            Turn off
          </button>
        </div>
      </PanelBody>
    </Panel>
  );
}
