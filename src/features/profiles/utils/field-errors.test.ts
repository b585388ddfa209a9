import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { fieldLabel, fieldProblems, toErrorTree } from './field-errors';

const engineError = new ApiError(400, {
  error: 'API-400',
  message: 'Workload `api` does not match its profile',
  details: {
    errors: [
      { workload_id: 'api', path: '/containers/api/image', message: 'An image is required.' },
      { workload_id: 'api', path: '/containers/api/image', message: 'must not be empty' },
      { workload_id: 'api', path: '/a~1b', message: 'x' },
      { workload_id: 'other', path: '/replicas', message: 'y' },
    ],
  },
});

describe('engine field errors', () => {
  it('keeps the problems of the workload and nests them by field', () => {
    const problems = fieldProblems(engineError, 'api');
    expect(problems).toHaveLength(3);
    expect(toErrorTree(problems)).toEqual({
      containers: { api: { image: { __errors: ['An image is required.', 'must not be empty'] } } },
      'a/b': { __errors: ['x'] },
    });
    expect(fieldLabel('/containers/api/image')).toBe('containers › api › image');
  });

  it('ignores other errors', () => {
    expect(fieldProblems(new ApiError(409, { error: 'API-409', message: 'busy' }), 'api')).toEqual([]);
    expect(fieldProblems(new Error('x'), 'api')).toEqual([]);
  });
});
