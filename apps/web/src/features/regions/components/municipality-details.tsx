import type { MunicipalityDetail, RegionType } from '@ketenkaart/web-api-client';
import { Button, DataList, DataListItem, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useMunicipality } from '../api/get-municipality';
import { regionTypeLabel } from '../lib/region-type-label';

export interface MunicipalityDetailsProps {
  code: string | null;
  /** Known before the details arrive (from the municipality list), so the heading can render at once. */
  knownName: string | undefined;
  regionTypes: readonly RegionType[] | undefined;
  /** Move focus to the heading once loaded (after a pick from the search results, not after a map click). */
  focusOnLoad: boolean;
  onFocused: () => void;
  onClear: () => void;
}

interface RegionRow {
  typeCode: string;
  typeName: string;
  regions: { id: string; name: string }[];
}

/** One row per region type, in the API's order, so "no region of this type" is stated rather than omitted. */
function regionRows(
  detail: MunicipalityDetail,
  regionTypes: readonly RegionType[] | undefined,
  language: string,
) {
  const types: { code: string; label: string }[] = regionTypes
    ? regionTypes.map((type) => ({ code: type.code, label: regionTypeLabel(type, language) }))
    : [...new Map(detail.regions.map((region) => [region.typeCode, region.typeName])).entries()].map(
        ([code, label]) => ({ code, label }),
      );
  return types.map<RegionRow>((type) => ({
    typeCode: type.code,
    typeName: type.label,
    regions: detail.regions
      .filter((region) => region.typeCode === type.code)
      .map((region) => ({ id: region.id, name: region.name })),
  }));
}

export function MunicipalityDetails({
  code,
  knownName,
  regionTypes,
  focusOnLoad,
  onFocused,
  onClear,
}: MunicipalityDetailsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data: detail, error } = useMunicipality(code);
  const name = detail?.name ?? knownName;

  // Focus follows a pick from the search results, so screen reader users hear where they landed.
  useEffect(() => {
    if (focusOnLoad && name && headingRef.current) {
      headingRef.current.focus();
      onFocused();
    }
  }, [focusOnLoad, name, onFocused]);

  if (!code) return <Paragraph className="ketenkaart-details__hint">{t('regions.details.hint')}</Paragraph>;
  if (error) return <ProblemAlert problem={error} />;
  const loading = <Paragraph role="status">{t('regions.details.loading')}</Paragraph>;
  if (!name) return loading;

  return (
    <section className="ketenkaart-details" aria-labelledby={headingId} aria-busy={!detail || undefined}>
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {name}
      </Heading>
      {detail ? <MunicipalityFacts detail={detail} regionTypes={regionTypes} /> : loading}
      <Button appearance="secondary-action" onClick={onClear}>
        {t('regions.details.clear')}
      </Button>
    </section>
  );
}

function MunicipalityFacts({
  detail,
  regionTypes,
}: {
  detail: MunicipalityDetail;
  regionTypes: readonly RegionType[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <DataList>
        <DataListItem label={t('regions.details.cbsCode')}>{detail.cbsCode}</DataListItem>
        {detail.displayName && detail.displayName !== detail.name ? (
          <DataListItem label={t('regions.details.commonName')}>{detail.displayName}</DataListItem>
        ) : null}
      </DataList>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.municipalityChain.getHref(detail.code)}>
          {t('regions.details.chainLink', { name: detail.name })}
        </Link>
      </Paragraph>
      <Paragraph>
        <Link
          className="utrecht-link utrecht-link--html-a"
          to={paths.responsibilityLookup.getHref({ gm: detail.code })}
        >
          {t('regions.details.lookupLink', { name: detail.name })}
        </Link>
      </Paragraph>
      <Heading level={3}>{t('regions.details.regionsHeading')}</Heading>
      <DataList>
        {regionRows(detail, regionTypes, i18n.language).map((row) => (
          <DataListItem key={row.typeCode} label={row.typeName}>
            {row.regions.length
              ? row.regions.map((region, index) => (
                  <span key={region.id}>
                    {index > 0 ? ', ' : null}
                    {/* The region's chain page (Sociale kaart): who does what there, with vacancies. */}
                    <Link
                      className="utrecht-link utrecht-link--html-a"
                      to={paths.regionChain.getHref(region.id)}
                    >
                      {region.name}
                    </Link>
                  </span>
                ))
              : t('regions.details.noRegion')}
          </DataListItem>
        ))}
      </DataList>
    </>
  );
}
