import { describe, expect, it } from 'vitest';
import { ApiError, toErrorBody, unwrap } from './client';

describe('toErrorBody', () => {
  it('keeps the spec error body', () => {
    expect(
      toErrorBody(409, {
        error: 'API-409',
        message: 'Busy',
        details: { a: 1 },
      }),
    ).toEqual({
      error: 'API-409',
      message: 'Busy',
      details: { a: 1 },
    });
  });
  it('turns a bare string (as some upstream 404s are typed) into an error body', () => {
    expect(toErrorBody(404, 'Set not found')).toEqual({
      error: 'API-404',
      message: 'Set not found',
    });
  });
  it("reads an array of error items (deleteEnvironmentType's 409) as its first, keeping them all", () => {
    const items = [
      {
        error: 'API-409',
        message: 'Used by `shop/qa`',
        app_id: 'shop',
        env_id: 'qa',
      },
    ];
    expect(toErrorBody(409, items)).toEqual({
      error: 'API-409',
      message: 'Used by `shop/qa`',
      details: { items },
    });
  });
  it('says what happened when the body is empty', () => {
    expect(toErrorBody(502, undefined)).toEqual({
      error: 'API-502',
      message: 'The API answered 502.',
    });
  });
});

describe('unwrap', () => {
  it('throws ApiError with status and body for a non-2xx answer', async () => {
    const response = new Response(null, { status: 403 });
    const error = await unwrap(
      Promise.resolve({
        error: { error: 'API-403', message: 'No role' },
        response,
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, message: 'No role' });
  });
  it('turns a network failure into an actionable ApiError', async () => {
    const error = await unwrap(
      Promise.reject(new TypeError('Failed to fetch')),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, body: { error: 'NETWORK' } });
    expect((error as ApiError).message).toMatch(/could not be reached/);
  });
});
