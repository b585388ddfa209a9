import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { refusedFieldId } from './focus';

const refusal = (field?: unknown) =>
  new ApiError(400, {
    error: 'API-400',
    message: 'refused',
    ...(field === undefined ? {} : { details: { field } }),
  });

const FIELDS = {
  id: 'registry-id',
  creds: 'registry-username',
};

describe('refusedFieldId', () => {
  it('names the field the refusal is about', () => {
    expect(refusedFieldId(refusal('id'), FIELDS, 'fallback')).toBe(
      'registry-id',
    );
    // A nested field falls back to its parent's.
    expect(refusedFieldId(refusal('creds.expires'), FIELDS, 'fallback')).toBe(
      'registry-username',
    );
  });

  it('falls back when no field is named, or one the form does not have', () => {
    expect(refusedFieldId(refusal(), FIELDS, 'fallback')).toBe('fallback');
    expect(refusedFieldId(refusal('type'), FIELDS, 'fallback')).toBe(
      'fallback',
    );
    expect(refusedFieldId(refusal(7), FIELDS, 'fallback')).toBe('fallback');
    // Inherited names are not fields.
    expect(refusedFieldId(refusal('toString'), FIELDS, 'fallback')).toBe(
      'fallback',
    );
    expect(refusedFieldId(new Error('offline'), FIELDS, 'fallback')).toBe(
      'fallback',
    );
  });
});
