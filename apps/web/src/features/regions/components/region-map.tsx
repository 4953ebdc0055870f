import { memo, useCallback, useId, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionMapModel } from '../hooks/use-region-map-model';
import {
  MUNICIPALITY_BORDER_COLOUR,
  NO_REGION_HATCH,
  REGION_BORDER_COLOUR,
  SELECTED_FILL,
} from '../lib/region-colours';

export interface RegionMapProps {
  model: RegionMapModel;
  regionTypeName: string;
  selectedCode: string | null;
  nameOf: ReadonlyMap<string, string>;
  onSelect: (code: string) => void;
}

/**
 * Keyboard and screen reader design (WCAG 2.1.1, 2.4.3, 1.1.1): the map is one image (`role="img"`)
 * with a name and a description; its 342 paths are not focusable. Making each path a tab stop would
 * force 342 Tab presses to get past the map, and a custom arrow-key grid inside an image has no
 * semantics that assistive technology announces. Everything the map does is available through
 * ordinary controls on the same page instead: choosing a municipality through the search field (the
 * keyboard path), its regions in the details panel, and the whole map as a table (the text
 * alternative). Pointer users may additionally click a municipality on the map.
 */
export function RegionMap({ model, regionTypeName, selectedCode, nameOf, onSelect }: RegionMapProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const descriptionId = useId();
  const hatchId = useId().replace(/:/g, '');
  const selected = selectedCode
    ? model.geometry.shapes.find((shape) => shape.code === selectedCode)
    : undefined;

  // A ref keeps the click handler stable, so the memoised shapes survive a change of selection.
  const onSelectRef = useRef(onSelect);
  useLayoutEffect(() => {
    onSelectRef.current = onSelect;
  });
  const onClick = useCallback((event: MouseEvent<SVGGElement>) => {
    const code = (event.target as Element).closest('[data-code]')?.getAttribute('data-code');
    if (code) onSelectRef.current(code);
  }, []);

  return (
    <figure className="utrecht-figure ketenkaart-map">
      <figcaption id={captionId} className="utrecht-figure__caption ketenkaart-map__caption">
        {t('regions.map.label')}
      </figcaption>
      <p id={descriptionId} className="utrecht-paragraph utrecht-paragraph--small">
        {t('regions.map.description', { type: regionTypeName })}
      </p>
      <svg
        className="ketenkaart-map__svg"
        viewBox={model.geometry.viewBox}
        role="img"
        aria-labelledby={captionId}
        aria-describedby={descriptionId}
      >
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width="4"
            height="4"
            patternTransform="rotate(45)"
          >
            <rect width="4" height="4" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="4" stroke={NO_REGION_HATCH} strokeWidth="1.5" />
          </pattern>
        </defs>
        <MunicipalityShapes model={model} nameOf={nameOf} hatchFill={`url(#${hatchId})`} onClick={onClick} />
        <path
          className="ketenkaart-map__region-borders"
          d={model.borderPath}
          fill="none"
          stroke={REGION_BORDER_COLOUR}
          strokeWidth={2}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
          pointerEvents="none"
        />
        {selected ? (
          <path
            className="ketenkaart-map__selected"
            data-selected-code={selected.code}
            d={selected.d}
            fill={SELECTED_FILL}
            stroke="#000000"
            strokeWidth={2.5}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
            pointerEvents="none"
          />
        ) : null}
      </svg>
    </figure>
  );
}

interface MunicipalityShapesProps {
  model: RegionMapModel;
  nameOf: ReadonlyMap<string, string>;
  hatchFill: string;
  onClick: (event: MouseEvent<SVGGElement>) => void;
}

// Memoised: a new selection redraws one overlay path, not all 342 municipalities.
const MunicipalityShapes = memo(function MunicipalityShapes({
  model,
  nameOf,
  hatchFill,
  onClick,
}: MunicipalityShapesProps) {
  const { t } = useTranslation();
  return (
    <g className="ketenkaart-map__municipalities" onClick={onClick}>
      {model.geometry.shapes.map(({ code, d }) => {
        const regionId = model.regionOf.get(code);
        const region = regionId ? model.regionById.get(regionId) : undefined;
        const fill = regionId ? (model.fillOf.get(regionId) ?? hatchFill) : hatchFill;
        return (
          <path
            key={code}
            data-code={code}
            data-region={region?.code}
            d={d}
            fill={fill}
            stroke={MUNICIPALITY_BORDER_COLOUR}
            strokeWidth={0.6}
            vectorEffect="non-scaling-stroke"
          >
            <title>{`${nameOf.get(code) ?? code} – ${region?.name ?? t('regions.map.noRegion')}`}</title>
          </path>
        );
      })}
    </g>
  );
});
