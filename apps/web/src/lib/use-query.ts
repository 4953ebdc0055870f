import { toProblemDetails } from '@ketenkaart/web-api-client';
import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';

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

let generation = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentGeneration = () => generation;

/**
 * Forgets every cached result whose key starts with `prefix`, so mounted queries fetch again. Called after a
 * write, because directory entries (unlike reference data) change while the page is open.
 */
export function invalidateQueries(prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
  generation += 1;
  for (const listener of listeners) listener();
}

/** Puts a result the app already has (e.g. the session returned by sign-in) in the cache and shows it. */
export function setQueryData<T>(key: string, value: T): void {
  remember(key, value);
  generation += 1;
  for (const listener of listeners) listener();
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
  const cacheGeneration = useSyncExternalStore(subscribe, currentGeneration, currentGeneration);

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
  }, [key, cacheGeneration]);

  if (key === null) return { data: undefined, error: undefined, isLoading: false };
  // After an invalidation the previous result stays on screen until the new one arrives.
  const cached = (cache.get(key) as T | undefined) ?? (state.key === key ? state.data : undefined);
  const error = state.key === key && cached === undefined ? state.error : undefined;
  return { data: cached, error, isLoading: cached === undefined && error === undefined };
}
