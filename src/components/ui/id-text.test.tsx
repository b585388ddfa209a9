import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IdText, ValueText } from './id-text';

/** The text between the break opportunities (<wbr>) of what rendered. */
function partsOf(container: HTMLElement): string[] {
  return (container.innerHTML.replace(/<(?!wbr)[^>]+>/g, '') || '').split(
    '<wbr>',
  );
}

describe('IdText and ValueText', () => {
  it('an id may wrap after its dots and slashes only', () => {
    const { container } = render(<IdText text="modules.k8s-ns/default-dns" />);
    expect(container).toHaveTextContent('modules.k8s-ns/default-dns');
    expect(partsOf(container)).toEqual(['modules.', 'k8s-ns/', 'default-dns']);
  });

  it('a value may wrap after its separators and before a placeholder, never inside a port or a word', () => {
    const { container } = render(
      <ValueText text="redis://${shared.cache.host}:6379/0?tls=true" />,
    );
    expect(container).toHaveTextContent(
      'redis://${shared.cache.host}:6379/0?tls=true',
    );
    expect(partsOf(container)).toEqual([
      'redis:',
      '/',
      '/',
      '${shared.',
      'cache.',
      'host}',
      ':',
      '6379/',
      '0?',
      'tls=',
      'true',
    ]);
  });
});
