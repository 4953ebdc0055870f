import { memo, useId } from 'react';
import { MUNICIPALITY_STROKE, OUTSIDE_FILL, OUTSIDE_STROKE, type Swatch } from '../lib/status';
import type { MonitoringMapGeometry } from '../hooks/use-map-geometry';
import { SwatchPattern } from './swatch';

/** Width of the national map in map units (map-geometry's projection). */
const NATIONAL_WIDTH = 600;

export interface MapStatus {
  status: string;
  label: string;
  name: string;
}

export interface StatusMapProps {
  geometry: MonitoringMapGeometry;
  /** Gemeente code → status; gemeenten not in the map are outside the selection. */
  statuses: ReadonlyMap<string, MapStatus>;
  swatches: Readonly<Record<string, Swatch>>;
  /** Frame these gemeenten (a region); null: the whole country. */
  focusCodes: readonly string[] | null;
  caption: string;
  description: string;
  className?: string;
}

/**
 * A choropleth on the Regio's map. Like that map it is one image (`role="img"`) with a name and a
 * description; the same facts are in the table beside it (WCAG 1.1.1). Every status has its own fill
 * pattern, so it is readable without colour (WCAG 1.4.1) and in black-and-white print.
 * `data-status` on each gemeente lets tests and print checks read the map.
 */
export function StatusMap({
  geometry,
  statuses,
  swatches,
  focusCodes,
  caption,
  description,
  className,
}: StatusMapProps) {
  const captionId = useId();
  const descriptionId = useId();
  const prefix = useId().replace(/:/g, '');
  const viewBox = geometry.viewBoxFor(focusCodes);
  // Patterns are drawn in map units: a zoomed-in region gets finer ones, so they look the same on screen.
  const patternScale = Number(viewBox.split(' ')[2]) / NATIONAL_WIDTH;
  return (
    <figure className={`utrecht-figure ketenkaart-status-map ${className ?? ''}`}>
      <figcaption id={captionId} className="utrecht-figure__caption ketenkaart-map__caption">
        {caption}
      </figcaption>
      <p id={descriptionId} className="utrecht-paragraph utrecht-paragraph--small">
        {description}
      </p>
      <svg
        className="ketenkaart-status-map__svg"
        viewBox={viewBox}
        role="img"
        aria-labelledby={captionId}
        aria-describedby={descriptionId}
      >
        <defs>
          {Object.entries(swatches).map(([status, swatch]) => (
            <SwatchPattern key={status} id={`${prefix}-${status}`} swatch={swatch} scale={patternScale} />
          ))}
        </defs>
        <Shapes geometry={geometry} statuses={statuses} prefix={prefix} />
      </svg>
    </figure>
  );
}

const Shapes = memo(function Shapes({
  geometry,
  statuses,
  prefix,
}: {
  geometry: MonitoringMapGeometry;
  statuses: ReadonlyMap<string, MapStatus>;
  prefix: string;
}) {
  return (
    <g className="ketenkaart-status-map__municipalities">
      {geometry.shapes.map(({ code, d }) => {
        const status = statuses.get(code);
        if (!status)
          return (
            <path
              key={code}
              data-code={code}
              data-status="outside"
              d={d}
              fill={OUTSIDE_FILL}
              stroke={OUTSIDE_STROKE}
              strokeWidth={0.5}
              vectorEffect="non-scaling-stroke"
            />
          );
        return (
          <path
            key={code}
            data-code={code}
            data-status={status.status}
            d={d}
            fill={`url(#${prefix}-${status.status})`}
            stroke={MUNICIPALITY_STROKE}
            strokeWidth={0.6}
            vectorEffect="non-scaling-stroke"
          >
            <title>{`${status.name}: ${status.label}`}</title>
          </path>
        );
      })}
    </g>
  );
});
