import { describe, expect, it } from 'vitest';
import {
  describeQuantity,
  joinImageRef,
  parseImageRef,
  parseQuantity,
} from './values';

describe('image references', () => {
  it.each([
    ['registry.acme.dev/shop/api:1.4.2', 'registry.acme.dev/shop/api', '1.4.2'],
    ['localhost:5000/app', 'localhost:5000/app', ''],
    ['localhost:5000/app:dev', 'localhost:5000/app', 'dev'],
    ['nginx', 'nginx', ''],
    ['app@sha256:abc', 'app', '@sha256:abc'],
  ])('splits %s', (value, repository, tag) => {
    expect(parseImageRef(value)).toEqual({ repository, tag });
    expect(joinImageRef({ repository, tag })).toBe(value);
  });
});

describe('quantities', () => {
  it('parses amounts with the units of their kind only', () => {
    expect(parseQuantity('cpu', '250m')).toEqual({ amount: '250', unit: 'm' });
    expect(parseQuantity('cpu', 0.5)).toEqual({ amount: '0.5', unit: '' });
    expect(parseQuantity('memory', '512Mi')).toEqual({
      amount: '512',
      unit: 'Mi',
    });
    expect(parseQuantity('memory', '1.5Gb')).toBeUndefined();
    expect(parseQuantity('cpu', '2Gi')).toBeUndefined();
    expect(parseQuantity('memory', undefined)).toEqual({
      amount: '',
      unit: 'Mi',
    });
  });

  it('says what a quantity means', () => {
    expect(describeQuantity('cpu', '250m')).toBe('0.25 cores (250m)');
    expect(describeQuantity('cpu', '1')).toBe('1 core (1000m)');
    expect(describeQuantity('memory', '1536Mi')).toBe('1.5 GiB');
    expect(describeQuantity('memory', '128M')).toBe('122.07 MiB');
    expect(describeQuantity('memory', 'lots')).toBeUndefined();
  });
});
