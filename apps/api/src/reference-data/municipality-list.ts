import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One row of a CBS-derived municipality list (../shared/data/gemeenten.csv and its yearly successors). */
export interface MunicipalityRow {
  gmCode: string;
  cbsCode: string;
  name: string;
  displayName: string | null;
  provinceCode: string;
  provinceName: string;
  vrCode: string;
  vrName: string;
  politieEenheid: string;
  riec: string;
}

export function parseMunicipalityCsv(text: string): MunicipalityRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  return records.map((record) => ({
    gmCode: record.gm_code,
    cbsCode: record.cbs_code,
    name: record.name,
    displayName: record.display_name || null,
    provinceCode: record.province_code,
    provinceName: record.province_name,
    vrCode: record.vr_code,
    vrName: record.vr_name,
    politieEenheid: record.politie_eenheid,
    riec: record.riec,
  }));
}

export function readBundledMunicipalityList(referenceDataDir: string): MunicipalityRow[] {
  return parseMunicipalityCsv(readFileSync(path.join(referenceDataDir, 'gemeenten.csv'), 'utf8'));
}

/** Stable code for a named region without an official code ("RIEC Amsterdam-Amstelland" → "riec-amsterdam-amstelland"). */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
