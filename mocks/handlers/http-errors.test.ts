import { describe, expect, it, vi } from 'vitest';
import { EngineError, type EngineErrorCode } from '../engine';
import { errorResponse, STATUS_BY_CODE, withErrors } from './http-errors';

describe('http-errors', () => {
  it.each(Object.entries(STATUS_BY_CODE) as [EngineErrorCode, number][])(
    'maps %s to %i with the spec error body',
    async (code, status) => {
      const response = errorResponse(
        new EngineError(code, 'Why.', { id: 'x' }),
      );
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({
        error: `API-${status}`,
        message: 'Why.',
        details: { id: 'x' },
      });
    },
  );

  it('omits details when there are none', async () => {
    expect(
      await errorResponse(new EngineError('conflict', 'Busy.')).json(),
    ).toEqual({ error: 'API-409', message: 'Busy.' });
  });

  it('turns anything else into a generic 500 without leaking it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = withErrors(() => {
      throw new TypeError('secret internals');
    });
    const response = await handler();
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('API-500');
    expect(body.message).not.toContain('secret');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
