import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { AssessmentInput, AssessmentSheet } from './types';

export function getAssessmentSheet(
  gmCode: string,
  period: string,
  signal: AbortSignal,
): Promise<AssessmentSheet> {
  return unwrap(
    apiClient.GET('/api/v1/municipalities/{gmCode}/kader-assessments', {
      params: { path: { gmCode }, query: { period } },
      signal,
    }),
  );
}

/** The criteria of the version in force for the period, each with the recorded status of the gemeente. */
export function useAssessmentSheet(gmCode: string | null, period: string) {
  return useQuery(gmCode ? `${MONITORING_QUERY_PREFIX}sheet:${gmCode}:${period}` : null, (signal) =>
    getAssessmentSheet(gmCode ?? '', period, signal),
  );
}

/** Replaces the whole assessment of one gemeente for the period (criteria left out become onbekend). */
export function putMunicipalityAssessment(gmCode: string, period: string, body: AssessmentInput) {
  return unwrap(
    apiClient.PUT('/api/v1/municipalities/{gmCode}/kader-assessments/{period}', {
      params: { path: { gmCode, period } },
      body,
    }),
  );
}

/** The same assessment for every current gemeente of a region, in one transaction. */
export function putRegionAssessment(regionId: string, period: string, body: AssessmentInput) {
  return unwrap(
    apiClient.PUT('/api/v1/regions/{id}/kader-assessments/{period}', {
      params: { path: { id: regionId, period } },
      body,
    }),
  );
}
