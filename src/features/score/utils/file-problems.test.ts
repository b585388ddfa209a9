import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { fileProblems, inFileTerms } from './file-problems';

const FILE = `apiVersion: score.dev/v1b1
metadata:
  name: web
containers:
  web:
    variables:
      A: "1"
    files:
      /etc/app.conf:
        source: ./app.conf
`;

const refusal = (details: Record<string, unknown>) =>
  new ApiError(400, { error: 'API-400', message: 'refused', details });

describe('a Score refusal in the file’s terms', () => {
  it('names each listed field from the file’s root, on its line (a missing one on its parent’s)', () => {
    expect(
      fileProblems(
        refusal({
          field: 'spec.containers.web.image',
          errors: [
            { field: 'spec.containers.web.image', message: 'is required' },
            { field: 'spec.containers.web.variables.A', message: 'bad' },
          ],
        }),
        FILE,
      ),
    ).toEqual([
      { path: 'containers.web.image', message: 'is required', line: 5 },
      { path: 'containers.web.variables.A', message: 'bad', line: 7 },
    ]);
  });

  it('finds keys that hold dots, and a single field the refusal names', () => {
    expect(
      fileProblems(
        refusal({ field: 'spec.containers.web.files./etc/app.conf.source' }),
        FILE,
      ),
    ).toEqual([
      { path: 'containers.web.files./etc/app.conf.source', line: 10 },
    ]);
  });

  it('has nothing to say of other errors and fields outside the file', () => {
    expect(fileProblems(refusal({ field: 'image' }), FILE)).toEqual([]);
    expect(fileProblems(new Error('offline'), FILE)).toEqual([]);
  });

  it('rewrites the request’s paths in a message', () => {
    expect(
      inFileTerms(
        'The Score file is not valid: `spec.containers.web.image` is required; `image` must be a string',
      ),
    ).toBe(
      'The Score file is not valid: `containers.web.image` is required; `image` must be a string',
    );
  });
});
