import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionMapModel } from '../hooks/use-region-map-model';

export interface RegionsTableProps {
  model: RegionMapModel;
  regionTypeName: string;
  nameOf: ReadonlyMap<string, string>;
}

const collator = new Intl.Collator('nl');

/** The text alternative of the map (WCAG 1.1.1): the same grouping, readable and searchable as text. */
export function RegionsTable({ model, regionTypeName, nameOf }: RegionsTableProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => {
    const names = (codes: readonly string[]) =>
      codes.map((code) => nameOf.get(code) ?? code).sort(collator.compare);
    const regionRows = [...model.regionById.values()]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((region) => ({ key: region.id, name: region.name, members: names(region.municipalityCodes) }));
    const unassigned = model.geometry.shapes
      .map((shape) => shape.code)
      .filter((code) => !model.regionOf.has(code));
    return unassigned.length
      ? [...regionRows, { key: 'none', name: t('regions.map.noRegion'), members: names(unassigned) }]
      : regionRows;
  }, [model, nameOf, t]);

  return (
    <details className="ketenkaart-regions-table">
      <summary className="ketenkaart-regions-table__summary">{t('regions.table.summary')}</summary>
      <Table>
        <TableCaption>{t('regions.table.caption', { type: regionTypeName })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('regions.table.region')}</TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t('regions.table.count')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('regions.table.municipalities')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
              <TableCell numeric>{row.members.length}</TableCell>
              <TableCell>{row.members.join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
