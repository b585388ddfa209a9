import { useEffect, useRef, useState, type ReactNode } from 'react';

interface LazyMountProps {
  /** Height kept free until the content mounts, so the page does not jump. */
  estimatedHeight: number;
  /** Mount at once (a short list: nothing to save, and no blank box below the fold). */
  eager?: boolean;
  children: ReactNode;
}

/**
 * Mounts `children` once the placeholder comes near the viewport (and keeps
 * them mounted), so a page with hundreds of diffs only renders what is seen.
 * Without IntersectionObserver (e.g. jsdom), or `eager`, it mounts at once.
 */
export function LazyMount({
  estimatedHeight,
  eager = false,
  children,
}: LazyMountProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(
    () => eager || typeof IntersectionObserver === 'undefined',
  );
  useEffect(() => {
    if (visible || !placeholder.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(placeholder.current);
    return () => observer.disconnect();
  }, [visible]);
  if (visible) return <>{children}</>;
  return (
    <div
      ref={placeholder}
      className="diff-card__placeholder"
      style={{ height: estimatedHeight }}
      aria-hidden="true"
    />
  );
}
