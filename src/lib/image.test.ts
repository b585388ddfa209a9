import { describe, expect, it } from 'vitest';
import { imageParts, shortImage } from './image';

describe('imageParts', () => {
  it.each([
    [
      'registry.acme.dev/shop/cart:1.0.4',
      'registry.acme.dev/shop/',
      'cart:1.0.4',
    ],
    [
      'registry.acme.dev/shop/cart:1.1.0-rc.1',
      'registry.acme.dev/shop/',
      'cart:1.1.0-rc.1',
    ],
    ['localhost:5000/cart:2', 'localhost:5000/', 'cart:2'],
    ['nginx', '', 'nginx'],
    ['nginx:1.27-alpine', '', 'nginx:1.27-alpine'],
    ['', '', ''],
  ])('%s keeps the name and tag whole', (image, prefix, key) => {
    expect(imageParts(image)).toEqual({ prefix, key });
  });

  it('shortens a digest to its last characters and keeps the tag', () => {
    const digest =
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    expect(imageParts(`ghcr.io/acme/cart:1.0.4@${digest}`)).toEqual({
      prefix: 'ghcr.io/acme/',
      key: 'cart:1.0.4@sha256:…456789abcdef',
    });
    expect(shortImage(`ghcr.io/acme/cart@${digest}`)).toBe(
      'cart@sha256:…456789abcdef',
    );
  });

  it('keeps a short digest whole', () => {
    expect(shortImage('cart@sha256:abc')).toBe('cart@sha256:abc');
  });

  it('prefix and key together are the whole reference when there is no digest', () => {
    const image = 'registry.acme.dev/shop/frontend:3.2.0';
    const { prefix, key } = imageParts(image);
    expect(prefix + key).toBe(image);
  });
});
