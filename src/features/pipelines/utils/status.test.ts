import { describe, expect, it } from 'vitest';
import { pipelineStatus } from './status';

describe('pipelineStatus', () => {
  it('gives skipped its own tone and keeps the spinner for running work', () => {
    expect(pipelineStatus('skipped')).toEqual({
      tone: 'skipped',
      label: 'Skipped',
    });
    expect(pipelineStatus('waiting')).toEqual({
      tone: 'pending',
      label: 'Waiting',
    });
    expect(pipelineStatus('executing').tone).toBe('progress');
  });
});
