import { describe, expect, it } from 'vitest';
import { checkSchema } from '@/lib/json-schema/check';
import { compileAnnotations } from '@/lib/schema-annotations';
import { GALLERY } from './gallery';

describe('the gallery’s cross-field rules example', () => {
  it('uses x-console-rules, and its schema and annotations have no problems', async () => {
    const example = GALLERY.find((e) => e.id === 'batch-job');
    const { document } = await example!.load();
    expect(JSON.stringify(document)).toContain('x-console-rules');
    expect(compileAnnotations(document).problems).toEqual([]);
    expect(checkSchema(document).filter((p) => p.severity === 'error')).toEqual(
      [],
    );
  });
});
