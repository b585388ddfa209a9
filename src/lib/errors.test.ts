import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { describeError, plain, isRetryableStatus } from './errors';

const api = (status: number, message = 'm') =>
  new ApiError(status, { error: `API-${status}`, message });

describe('describeError', () => {
  it('promises to keep input only where there is input, not after a failed read', () => {
    const cases: [number, string][] = [
      [0, 'Check your network connection (or VPN), then retry.'],
      [503, 'This is usually temporary: wait a moment, then retry.'],
      [
        409,
        'Someone or something else changed it first. Reload to see the current state.',
      ],
    ];
    for (const [status, read] of cases) {
      const error = new ApiError(status, {
        error: 'X',
        message: 'The version changed.',
      });
      expect(describeError(error).hint).toMatch(/input is kept\.$/);
      expect(describeError(error, { reading: true }).hint).toBe(read);
    }
  });

  it('says what to do after no answer, a time-out, a server error and a conflict', () => {
    expect(describeError(api(0))).toMatchObject({
      title: 'The API could not be reached',
      retryable: true,
      hint: expect.stringMatching(/network connection/),
    });
    expect(describeError(api(504))).toMatchObject({
      title: 'The API did not answer in time',
      retryable: true,
      hint: expect.stringMatching(/Idempotency-Key/),
    });
    expect(describeError(api(503))).toMatchObject({
      title: 'The API is unavailable',
      retryable: true,
      hint: expect.stringMatching(/temporary/),
    });
    expect(describeError(api(500))).toMatchObject({
      title: 'The API failed',
      retryable: true,
    });
    expect(describeError(api(409))).toMatchObject({
      title: 'Conflict',
      retryable: false,
      hint: expect.stringMatching(/changed it first/),
    });
    // A name taken is a conflict that reloading does not solve.
    expect(
      describeError(
        api(
          409,
          'Agent `edge-eu` is already registered in organisation `acme`.',
        ),
      ),
    ).toMatchObject({
      title: 'It exists already',
      hint: expect.stringMatching(/^Choose another name or id/),
    });
    // A role added meanwhile: not a name to change; reloading shows it.
    expect(
      describeError(
        api(409, 'User `dana` already has the role developer on app `shop`.'),
      ),
    ).toMatchObject({
      title: 'Conflict',
      hint: expect.stringMatching(/changed it first/),
    });
    // A key another agent holds: a key of its own helps, not a reload.
    expect(
      describeError(
        api(
          409,
          'The key with fingerprint ab:cd is already registered for agent `edge-eu` in organisation `acme`.',
        ),
      ),
    ).toMatchObject({
      title: 'This key is in use',
      hint: expect.stringMatching(/^Each agent needs a key of its own/),
    });
    // A matching rule another definition (or this one) has: a more specific rule helps, not a reload.
    expect(
      describeError(
        api(
          409,
          'Resource definition `postgres-dev` of type `postgres` already has the criteria {env_type: development, class: default}; a rule may appear once per resource type.',
        ),
      ),
    ).toMatchObject({
      title: 'This rule exists already',
      hint: expect.stringMatching(/^Make the rule more specific/),
    });
    expect(describeError(api(422))).toMatchObject({
      title: 'The request could not be processed',
      retryable: false,
    });
    expect(describeError(api(400)).hint).toBeUndefined();
  });

  it('writes an API message as plain text for a toast', () => {
    expect(
      plain('Agent `edge-eu` is already registered in organisation `acme`.'),
    ).toBe('Agent edge-eu is already registered in organisation acme.');
    // A lone backtick is text, not a code mark.
    expect(plain('Press ` to open')).toBe('Press ` to open');
  });

  it('keeps the API message and code', () => {
    expect(describeError(api(500, 'Database unavailable'))).toMatchObject({
      message: 'Database unavailable',
      code: 'API-500',
      status: 500,
    });
    expect(describeError(new Error('boom'))).toEqual({
      title: 'Something went wrong',
      message: 'boom',
    });
  });

  it('treats no answer, 408, 429 and 5xx as retryable', () => {
    expect([0, 408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(
      true,
    );
    expect([400, 401, 403, 404, 409, 413, 422].some(isRetryableStatus)).toBe(
      false,
    );
  });
});
