import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside this region, which keyboard users can focus and scroll
 * (WCAG 2.1.1; axe `scrollable-region-focusable`). The inner Utrecht container does not scroll itself.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ketenkaart-monitoring__scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
