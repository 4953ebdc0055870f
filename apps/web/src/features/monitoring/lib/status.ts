import {
  BasisVerdict,
  CoverageStatus,
  KaderStatus,
  worstKaderStatus,
  type KaderTheme,
} from '@ketenkaart/shared-domain';
import type { KaderMunicipalityStatus, KaderView } from '../api/types';

/**
 * Map status of a gemeente: the worst status of its basis themes. It agrees with the API's basis verdict
 * (voldoet = meets the basis; voldoet niet or deels = a known shortfall; onbekend = not all assessed) and
 * tells a partial shortfall (deels) from a full one.
 */
export function mapStatusOf(
  municipality: Pick<KaderMunicipalityStatus, 'meetsBasis' | 'themes'>,
): KaderStatus {
  if (municipality.meetsBasis === BasisVerdict.yes) return KaderStatus.voldoet;
  return worstKaderStatus(municipality.themes.map((theme) => theme.status));
}

/** The basis themes on which a gemeente falls short (voldoet niet or deels). */
export function shortfallThemes(municipality: Pick<KaderMunicipalityStatus, 'themes'>): KaderTheme[] {
  return municipality.themes
    .filter((theme) => theme.status === KaderStatus.voldoetNiet || theme.status === KaderStatus.deels)
    .map((theme) => theme.theme as KaderTheme);
}

export interface Swatch {
  fill: string;
  /** Pattern drawn over the fill, so a status never depends on colour alone (WCAG 1.4.1). */
  pattern: 'none' | 'hatch' | 'cross' | 'dots';
  ink: string;
}

/**
 * Colour-blind safe (blue–orange, ColorBrewer PuOr/RdBu ends; no red–green pair), each status also with
 * its own pattern and, everywhere outside the map, its label.
 */
export const KADER_SWATCHES: Record<KaderStatus, Swatch> = {
  voldoet: { fill: '#2166ac', pattern: 'none', ink: '#ffffff' },
  deels: { fill: '#fdb863', pattern: 'hatch', ink: '#5a3000' },
  'voldoet-niet': { fill: '#b35806', pattern: 'cross', ink: '#ffffff' },
  onbekend: { fill: '#e0e0e0', pattern: 'dots', ink: '#4d4d4d' },
};

export const COVERAGE_SWATCHES: Record<CoverageStatus, Swatch> = {
  filled: { fill: '#2166ac', pattern: 'none', ink: '#ffffff' },
  'op-afstand': { fill: '#92c5de', pattern: 'hatch', ink: '#0b3a66' },
  vacant: { fill: '#b35806', pattern: 'cross', ink: '#ffffff' },
};

/** Gemeenten outside the chosen region: drawn for orientation only. */
export const OUTSIDE_FILL = '#ffffff';
export const OUTSIDE_STROKE = '#9e9e9e';
export const MUNICIPALITY_STROKE = '#ffffff';

/** How many adopted policy documents of a gemeente are in force, whichever shape the source gives. */
export function policyCount(municipality: KaderView['municipalities'][number]): number {
  const policy = municipality.policyDocuments;
  if (!policy) return 0;
  return Array.isArray(policy) ? policy.length : (policy as { documents: number }).documents;
}
