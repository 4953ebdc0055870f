import { BasisVerdict, KADER_STATUSES, KADER_THEMES, type KaderStatus } from '@ketenkaart/shared-domain';
import type { KaderMunicipalityStatusDto } from './dto/kader.dto';
import type { KaderTotalsDto } from './dto/monitoring.dto';

/** Totals of a list of gemeenten: basis met or not, aandachtsfunctionaris, policy, and per theme the statuses. */
export function kaderTotals(municipalities: readonly KaderMunicipalityStatusDto[]): KaderTotalsDto {
  return {
    municipalities: municipalities.length,
    meetsBasis: municipalities.filter((m) => m.meetsBasis === BasisVerdict.yes).length,
    doesNotMeetBasis: municipalities.filter((m) => m.meetsBasis === BasisVerdict.no).length,
    unknown: municipalities.filter((m) => m.meetsBasis === BasisVerdict.unknown).length,
    aandachtsfunctionarisMeets: municipalities.filter((m) => m.aandachtsfunctionaris.meets).length,
    withPolicyDocument: municipalities.filter((m) => m.policyDocuments.documents > 0).length,
    themes: KADER_THEMES.map((theme) => {
      const statuses = municipalities.map((m) => m.themes.find((t) => t.theme === theme)!.status);
      const counts = Object.fromEntries(
        KADER_STATUSES.map((status) => [status, statuses.filter((s) => s === status).length]),
      ) as Record<KaderStatus, number>;
      return { theme, ...counts };
    }),
  };
}
