import type { MunicipalitySummary } from '@ketenkaart/web-api-client';
import { Paragraph } from '@ketenkaart/web-ui';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useAllMunicipalities } from '../api/get-municipalities';
import { useMunicipalityTopology } from '../api/get-municipality-topology';
import { useRegionTypes } from '../api/get-region-types';
import { useRegionsOfType } from '../api/get-regions';
import { useRegionMapModel } from '../hooks/use-region-map-model';
import { useRegionsSearchParams } from '../hooks/use-regions-search-params';
import { regionTypeLabel } from '../lib/region-type-label';
import { MapLegend } from './map-legend';
import { MunicipalityDetails } from './municipality-details';
import { MunicipalitySearch } from './municipality-search';
import { RegionMap } from './region-map';
import { RegionTypeSelect } from './region-type-select';
import { RegionsTable } from './regions-table';

function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}

export function RegionsExplorer() {
  const { t, i18n } = useTranslation();
  const { typeCode, municipalityCode, setTypeCode, setMunicipalityCode } = useRegionsSearchParams();
  const regionTypes = useRegionTypes();
  const regions = useRegionsOfType(typeCode);
  const topology = useMunicipalityTopology();
  const municipalities = useAllMunicipalities();
  // Keep the previous grid on screen while the next one loads, instead of flashing "no region" everywhere.
  const shownRegions = useLastDefined(regions.data);
  const model = useRegionMapModel(topology.data, shownRegions);
  const [focusDetails, setFocusDetails] = useState(false);

  const nameOf = useMemo(
    () => new Map((municipalities.data ?? []).map((municipality) => [municipality.code, municipality.name])),
    [municipalities.data],
  );
  const regionType = regionTypes.data?.find((type) => type.code === typeCode);
  const regionTypeName = regionType ? regionTypeLabel(regionType, i18n.language) : typeCode;
  const unassignedCount = model
    ? model.geometry.shapes.filter((shape) => !model.regionOf.has(shape.code)).length
    : 0;

  const onPick = useCallback(
    (municipality: MunicipalitySummary) => {
      setMunicipalityCode(municipality.code);
      setFocusDetails(true);
    },
    [setMunicipalityCode],
  );
  const onFocused = useCallback(() => setFocusDetails(false), []);
  const onClear = useCallback(() => setMunicipalityCode(null), [setMunicipalityCode]);

  const problem = regionTypes.error ?? regions.error ?? topology.error;

  return (
    <div className="ketenkaart-regions">
      <div className="ketenkaart-regions__panel">
        <RegionTypeSelect regionTypes={regionTypes.data} value={typeCode} onChange={setTypeCode} />
        <MunicipalitySearch onPick={onPick} />
        <MunicipalityDetails
          code={municipalityCode}
          knownName={municipalityCode ? nameOf.get(municipalityCode) : undefined}
          regionTypes={regionTypes.data}
          focusOnLoad={focusDetails}
          onFocused={onFocused}
          onClear={onClear}
        />
      </div>
      <div className="ketenkaart-regions__map">
        {problem ? <ProblemAlert problem={problem} /> : null}
        {model ? (
          <>
            <RegionMap
              model={model}
              regionTypeName={regionTypeName}
              selectedCode={municipalityCode}
              nameOf={nameOf}
              onSelect={setMunicipalityCode}
            />
            {regions.isLoading ? (
              <Paragraph role="status" small>
                {t('regions.map.regionsLoading')}
              </Paragraph>
            ) : (
              <>
                <MapLegend unassignedCount={unassignedCount} />
                <RegionsTable model={model} regionTypeName={regionTypeName} nameOf={nameOf} />
              </>
            )}
          </>
        ) : topology.isLoading ? (
          <Paragraph role="status">{t('regions.map.loading')}</Paragraph>
        ) : null}
      </div>
    </div>
  );
}
