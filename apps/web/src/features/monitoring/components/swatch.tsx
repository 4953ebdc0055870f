import { useId } from 'react';
import type { Swatch } from '../lib/status';

/** The fill of one status: its colour plus its pattern (hatch, cross-hatch, dots or plain). */
export function SwatchPattern({ id, swatch, scale = 1 }: { id: string; swatch: Swatch; scale?: number }) {
  return (
    <pattern
      id={id}
      patternUnits="userSpaceOnUse"
      width="5"
      height="5"
      patternTransform={`rotate(45) scale(${scale.toFixed(3)})`}
    >
      <rect width="5" height="5" fill={swatch.fill} />
      {swatch.pattern === 'hatch' || swatch.pattern === 'cross' ? (
        <line x1="0" y1="0" x2="0" y2="5" stroke={swatch.ink} strokeWidth="1.4" />
      ) : null}
      {swatch.pattern === 'cross' ? (
        <line x1="0" y1="2.5" x2="5" y2="2.5" stroke={swatch.ink} strokeWidth="1.4" />
      ) : null}
      {swatch.pattern === 'dots' ? <circle cx="2.5" cy="2.5" r="0.9" fill={swatch.ink} /> : null}
    </pattern>
  );
}

export interface LegendItem {
  status: string;
  label: string;
  count?: number;
}

/** Legend of a status map: swatch (colour + pattern), label and, where known, how many. */
export function StatusLegend({
  title,
  items,
  swatches,
}: {
  title: string;
  items: readonly LegendItem[];
  swatches: Readonly<Record<string, Swatch>>;
}) {
  const headingId = useId();
  const prefix = useId().replace(/:/g, '');
  return (
    <div className="ketenkaart-legend">
      <p id={headingId} className="utrecht-paragraph ketenkaart-legend__title">
        {title}
      </p>
      <ul className="ketenkaart-legend__list" aria-labelledby={headingId}>
        {items.map((item) => {
          const swatch = swatches[item.status];
          return (
            <li key={item.status} data-legend-status={item.status}>
              <svg
                className="ketenkaart-legend__swatch"
                viewBox="0 0 24 16"
                aria-hidden="true"
                focusable="false"
              >
                {swatch ? (
                  <>
                    <defs>
                      <SwatchPattern id={`${prefix}-${item.status}`} swatch={swatch} />
                    </defs>
                    <rect
                      x="0.5"
                      y="0.5"
                      width="23"
                      height="15"
                      fill={`url(#${prefix}-${item.status})`}
                      stroke="#1b1b1b"
                    />
                  </>
                ) : (
                  <rect x="0.5" y="0.5" width="23" height="15" fill="#ffffff" stroke="#9e9e9e" />
                )}
              </svg>
              <span>
                {item.label}
                {item.count !== undefined ? ` (${item.count})` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A status in text with a small swatch, for tables: the label carries the meaning, the swatch links it to the map. */
export function StatusBadge({ status, label, swatch }: { status: string; label: string; swatch?: Swatch }) {
  return (
    <span className={`ketenkaart-status-badge ketenkaart-status-badge--${status}`} data-status={status}>
      {swatch ? (
        <span
          className="ketenkaart-status-badge__dot"
          style={{ backgroundColor: swatch.fill, borderColor: swatch.ink }}
          aria-hidden="true"
        />
      ) : null}
      {label}
    </span>
  );
}
