import { describe, expect, it } from 'vitest';
import { workloadVersion } from './versions';

describe('workloadVersion', () => {
  it('shows the tag of the first container, the image without one, a dash without containers', () => {
    const wl = (containers: Record<string, { image?: string }>) => ({
      spec: { containers },
    });
    expect(
      workloadVersion(
        wl({ main: { image: 'registry.example:5000/shop/api:1.4.0' } }),
      ),
    ).toBe('1.4.0');
    expect(
      workloadVersion(wl({ b: { image: 'x:2' }, a: { image: 'y:1' } })),
    ).toBe('1');
    expect(
      workloadVersion(
        wl({ main: { image: 'registry.example:5000/shop/api' } }),
      ),
    ).toBe('registry.example:5000/shop/api');
    expect(workloadVersion(wl({}))).toBe('—');
    expect(workloadVersion(undefined)).toBe('—');
  });
});
