import { ErrorCode, type ProblemDetails } from '@ketenkaart/shared-domain';

/** Status used for problems synthesised on the client when no HTTP response arrived. */
export const NETWORK_ERROR_STATUS = 0;

export class ApiProblemError extends Error {
  constructor(
    readonly problem: ProblemDetails,
    /** From the `Retry-After` header of a 429 (sign-in throttling), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblemError';
  }
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate['title'] === 'string' &&
    typeof candidate['status'] === 'number' &&
    typeof candidate['code'] === 'string'
  );
}

/**
 * Turns whatever came back from a failed call into the API's single error shape. Proxies and crashed
 * upstreams answer with HTML or nothing, so those get a synthesised problem that keeps the status.
 */
export function toProblemDetails(error: unknown, response?: Response): ProblemDetails {
  if (isProblemDetails(error)) return error;
  if (error instanceof ApiProblemError) return error.problem;
  if (response) {
    return {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      code: response.status === 404 ? ErrorCode.notFound : ErrorCode.internal,
    };
  }
  return {
    type: 'about:blank',
    title: error instanceof Error ? error.message : 'Network error',
    status: NETWORK_ERROR_STATUS,
    code: ErrorCode.internal,
  };
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Resolves to the response body or rejects with an ApiProblemError, so callers have one failure path.
 * Aborted requests reject with the original AbortError, which callers ignore.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiProblemError(toProblemDetails(cause));
  }
  if (result.error !== undefined || !result.response.ok) {
    const retryAfter = Number(result.response.headers.get('Retry-After'));
    throw new ApiProblemError(
      toProblemDetails(result.error, result.response),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return result.data as T;
}
