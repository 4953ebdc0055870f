import type { MunicipalityDetail, RegionType } from '@ketenkaart/web-api-client';
import { Button, DataList, DataListItem, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useMunicipality } from '../api/get-municipality';
import { regionTypeLabel } from '../lib/region-type-label';

export interface MunicipalityDetailsProps {
  code: string | null;
  regionTypes: readonly RegionType[] | undefined;
  /** Move focus to the heading once loaded (after a pick from the search results, not after a map click). */
  focusOnLoad: boolean;
  onFocused: () => void;
  onClear: () => void;
}

interface RegionRow {
  typeCode: string;
  typeName: string;
  regionNames: string[];
}

/** One row per region type, in the API's order, so "no region of this type" is stated rather than omitted. */
function regionRows(detail: MunicipalityDetail, regionTypes: readonly RegionType[] | undefined, language: string) {
  const types: { code: string; label: string }[] = regionTypes
    ? regionTypes.map((type) => ({ code: type.code, label: regionTypeLabel(type, language) }))
    : [...new Map(detail.regions.map((region) => [region.typeCode, region.typeName])).entries()].map(
        ([code, label]) => ({ code, label }),
      );
  return types.map<RegionRow>((type) => ({
    typeCode: type.code,
    typeName: type.label,
    regionNames: detail.regions.filter((region) => region.typeCode === type.code).map((region) => region.name),
  }));
}

export function MunicipalityDetails({ code, regionTypes, focusOnLoad, onFocused, onClear }: MunicipalityDetailsProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data: detail, error, isLoading } = useMunicipality(code);

  useEffect(() => {
    if (focusOnLoad && detail && headingRef.current) {
      headingRef.current.focus();
      onFocused();
    }
  }, [focusOnLoad, detail, onFocused]);

  if (!code) return <Paragraph className="ketenkaart-details__hint">{t('regions.details.hint')}</Paragraph>;
  if (error) return <ProblemAlert problem={error} />;
  if (isLoading || !detail) {
    return (
      <Paragraph role="status" aria-busy="true">
        {t('regions.details.loading')}
      </Paragraph>
    );
  }

  return (
    <section className="ketenkaart-details" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {detail.name}
      </Heading>
      <DataList>
        <DataListItem label={t('regions.details.cbsCode')}>{detail.cbsCode}</DataListItem>
        {detail.displayName && detail.displayName !== detail.name ? (
          <DataListItem label={t('regions.details.commonName')}>{detail.displayName}</DataListItem>
        ) : null}
      </DataList>
      <Heading level={3}>{t('regions.details.regionsHeading')}</Heading>
      <DataList>
        {regionRows(detail, regionTypes, i18n.language).map((row) => (
          <DataListItem key={row.typeCode} label={row.typeName}>
            {row.regionNames.length ? row.regionNames.join(', ') : t('regions.details.noRegion')}
          </DataListItem>
        ))}
      </DataList>
      <Button appearance="secondary-action" onClick={onClear}>
        {t('regions.details.clear')}
      </Button>
    </section>
  );
}
