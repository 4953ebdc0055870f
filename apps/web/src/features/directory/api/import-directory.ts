import { ApiProblemError, apiClient, toProblemDetails, unwrap, type paths } from '@ketenkaart/web-api-client';
import { invalidateQueries } from '../../../lib/use-query';
import { DIRECTORY_KEY } from './query-keys';

type ImportOperation = paths['/api/v1/directory/imports']['post'];
export type DirectoryImportKind = NonNullable<NonNullable<ImportOperation['parameters']['query']>['kind']>;
export type DirectoryImportJob = ImportOperation['responses'][201]['content']['application/json'];
export type DirectoryImportRowError = DirectoryImportJob['errors'][number];

export interface StartedImport {
  /** 200 (dry run), 201 (imported) or 202 (running in the background: poll `jobId`). */
  status: number;
  job: DirectoryImportJob;
  /** The job to poll, from the `Location` header (the job's own id when the header is missing). */
  jobId: string;
}

/**
 * Sends the CSV text (read in the browser) as JSON `{ kind, csv }` through the one API client, so the CSRF
 * middleware applies. A file with row errors rejects with the 400 problem whose `invalidParams` name
 * `row 7, column type`; nothing was imported then.
 */
export async function startImport(
  kind: DirectoryImportKind,
  csv: string,
  dryRun: boolean,
): Promise<StartedImport> {
  const { data, error, response } = await apiClient.POST('/api/v1/directory/imports', {
    params: { query: { dryRun } },
    body: { kind, csv },
  });
  if (error !== undefined || !data) throw new ApiProblemError(toProblemDetails(error, response));
  const location = response.headers.get('Location');
  const jobId = location?.split('/').filter(Boolean).pop() ?? data.id;
  if (!dryRun && response.status !== 202) invalidateQueries(DIRECTORY_KEY);
  return { status: response.status, job: data, jobId: decodeURIComponent(jobId) };
}

export async function getImport(id: string, signal?: AbortSignal): Promise<DirectoryImportJob> {
  const job = await unwrap(
    apiClient.GET('/api/v1/directory/imports/{id}', { params: { path: { id } }, signal }),
  );
  if (job.status === 'succeeded') invalidateQueries(DIRECTORY_KEY);
  return job;
}

/** `row 7, column type` → row 7, column `type`; anything else is kept whole as the column. */
export function parseRowParam(name: string): { row: number | null; column: string | null } {
  const match = /^row (\d+)(?:, column (.+))?$/.exec(name);
  if (!match) return { row: null, column: name };
  return { row: Number(match[1]), column: match[2] ?? null };
}
