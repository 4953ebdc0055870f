import { toProblemDetails } from '@ketenkaart/web-api-client';
import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: ProblemDetails | undefined;
  isLoading: boolean;
}

const MAX_CACHED = 200;
const cache = new Map<string, unknown>();

function remember(key: string, value: unknown): void {
  cache.set(key, value);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Minimal read-through query: one request per key, results kept for the session (reference data
 * changes yearly), the request aborted when the key changes or the component unmounts.
 * `key === null` means "nothing to fetch yet".
 */
export function useQuery<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  // The fetcher is usually an inline closure; only the key decides when to fetch again.
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ProblemDetails }>({ key: null });

  useEffect(() => {
    if (key === null || cache.has(key)) return;
    const controller = new AbortController();
    fetcherRef.current(controller.signal).then(
      (data) => {
        remember(key, data);
        setState({ key, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState({ key, error: toProblemDetails(error) });
      },
    );
    return () => controller.abort();
  }, [key]);

  if (key === null) return { data: undefined, error: undefined, isLoading: false };
  const cached = cache.get(key) as T | undefined;
  const error = state.key === key ? state.error : undefined;
  return { data: cached, error, isLoading: cached === undefined && error === undefined };
}
