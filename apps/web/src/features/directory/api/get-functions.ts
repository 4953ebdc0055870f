import {
  apiClient,
  unwrap,
  type FunctionAssignment,
  type FunctionPage,
  type paths,
} from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

export type FunctionQuery = NonNullable<paths['/api/v1/functions']['get']['parameters']['query']>;

export function getFunctions(query: FunctionQuery, signal: AbortSignal): Promise<FunctionPage> {
  return unwrap(apiClient.GET('/api/v1/functions', { params: { query }, signal }));
}

export function useFunctions(query: FunctionQuery | null) {
  return useQuery(query ? directoryKey('functions', JSON.stringify(query)) : null, (signal) =>
    getFunctions(query!, signal),
  );
}

export function getFunction(id: string, signal: AbortSignal): Promise<FunctionAssignment> {
  return unwrap(apiClient.GET('/api/v1/functions/{id}', { params: { path: { id } }, signal }));
}

export function useFunction(id: string | null) {
  return useQuery(id ? directoryKey('function', id) : null, (signal) => getFunction(id!, signal));
}
