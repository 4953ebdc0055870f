import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_REGION_HATCH, REGION_BORDER_COLOUR, REGION_FILLS, SELECTED_FILL } from '../lib/region-colours';

export interface MapLegendProps {
  unassignedCount: number;
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="ketenkaart-legend__swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function MapLegend({ unassignedCount }: MapLegendProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const hatchId = useId().replace(/:/g, '');
  return (
    <div className="ketenkaart-legend">
      <p id={headingId} className="utrecht-paragraph ketenkaart-legend__title">
        {t('regions.map.legend')}
      </p>
      <ul className="ketenkaart-legend__list" aria-labelledby={headingId}>
        <li>
          <Swatch>
            <rect x="0" y="0" width="8" height="16" fill={REGION_FILLS[0]} />
            <rect x="8" y="0" width="8" height="16" fill={REGION_FILLS[1]} />
            <rect x="16" y="0" width="8" height="16" fill={REGION_FILLS[2]} />
          </Swatch>
          <span>{t('regions.map.legendRegion')}</span>
        </li>
        <li>
          <Swatch>
            <line x1="0" y1="8" x2="24" y2="8" stroke={REGION_BORDER_COLOUR} strokeWidth="3" />
          </Swatch>
          <span>{t('regions.map.legendRegionBorder')}</span>
        </li>
        <li>
          <Swatch>
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
            <rect x="0.5" y="0.5" width="23" height="15" fill={`url(#${hatchId})`} stroke={NO_REGION_HATCH} />
          </Swatch>
          <span>{t('regions.map.noRegion')}</span> <span>({unassignedCount})</span>
        </li>
        <li>
          <Swatch>
            <rect x="1" y="1" width="22" height="14" fill={SELECTED_FILL} stroke="#000000" strokeWidth="2" />
          </Swatch>
          <span>{t('regions.map.legendSelected')}</span>
        </li>
      </ul>
    </div>
  );
}
