import fc from 'fast-check';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { ValuePools } from './arbitraries';
import { OpenApiDocument, Operation } from './openapi-model';
import { GeneratedRequest, RequestArbitraries } from './requests';
import { CheckedResponse, LeakMarker, ResponseChecker } from './response-checks';

/** Who sends a request: nobody, a demo role's browser session, or the service token. */
export interface Caller {
  name: string;
  kind: 'anonymous' | 'session' | 'service-token';
  /** Cookie header of a session caller (kk_session and kk_csrf). */
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

export interface FuzzTarget {
  baseUrl: string;
  document: OpenApiDocument;
  operations: Operation[];
  pools: ValuePools;
  markers: LeakMarker[];
  callers: Caller[];
  /** Called after a session caller's request to an auth/account route: brings a session back that it ended. */
  restoreSession?(caller: Caller): Promise<void>;
  /** Called before a leak is reported: false when the marker became legitimately visible meanwhile. */
  stillSecret?(marker: LeakMarker): Promise<boolean>;
}

export interface FuzzFailure {
  seed: number;
  operation: string;
  sample: number;
  caller: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  bodyKind: string;
  body: string;
  status: number;
  problems: string[];
  response: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  durationMs: number;
  byStatusClass: Record<string, number>;
  byStatus: Record<string, number>;
  byOperation: Record<string, Record<string, number>>;
  byCaller: Record<string, Record<string, number>>;
  byBodyKind: Record<string, number>;
  failures: FuzzFailure[];
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** Only operations whose key (`GET /api/v1/regions/{id}`) contains this text. */
  only?: string;
  onProgress?(done: number, total: number): void;
}

const SAMPLES_PER_CHUNK = 25;
const TOO_LARGE = '\u0000too-large\u0000';
const REQUEST_TIMEOUT_MS = 30_000;

const hash = (...parts: (string | number)[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The requests of one operation, generated in chunks from a seed derived from (seed, operation, chunk). */
class OperationStream {
  private chunk: GeneratedRequest[] = [];
  private chunkIndex = -1;

  constructor(
    private readonly arbitrary: fc.Arbitrary<GeneratedRequest>,
    private readonly seed: number,
    private readonly key: string,
  ) {}

  sample(index: number): GeneratedRequest {
    const wanted = Math.floor(index / SAMPLES_PER_CHUNK);
    if (wanted !== this.chunkIndex) {
      this.chunk = fc.sample(this.arbitrary, {
        seed: hash(this.seed, this.key, wanted) | 0,
        numRuns: SAMPLES_PER_CHUNK,
      });
      this.chunkIndex = wanted;
    }
    return this.chunk[index % SAMPLES_PER_CHUNK];
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(
  baseUrl: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<CheckedResponse> {
  const target = new URL(baseUrl);
  const payload = body === TOO_LARGE ? JSON.stringify({ padding: 'x'.repeat(300_000) }) : body;
  const buffer = payload === undefined ? undefined : Buffer.from(payload, 'utf8');
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method,
        path: url,
        headers: buffer ? { ...headers, 'content-length': String(buffer.length) } : headers,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(buffer);
  });
}

function excerpt(text: string | undefined, max = 300): string {
  if (text === undefined) return '';
  if (text === TOO_LARGE) return '(300 kB JSON)';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/**
 * Sends `runs` generated requests, round-robin over every operation of the document and every caller, and
 * checks each answer. The same seed gives the same requests: a failure names its seed, operation and sample.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const arbitraries = new RequestArbitraries(target.document, target.pools);
  const checker = new ResponseChecker(target.document);
  const operations = target.operations.filter((op) => !options.only || op.key.includes(options.only));
  if (operations.length === 0) throw new Error(`no operation matches '${options.only}'`);
  const streams = operations.map(
    (op) =>
      new OperationStream(
        arbitraries
          .forOperation(op)
          .map((request) => (request.bodyKind === 'too-large' ? { ...request, body: TOO_LARGE } : request)),
        options.seed,
        op.key,
      ),
  );
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    durationMs: 0,
    byStatusClass: {},
    byStatus: {},
    byOperation: {},
    byCaller: {},
    byBodyKind: {},
    failures: [],
  };
  for (let i = 0; i < options.runs; i++) {
    const opIndex = i % operations.length;
    const sample = Math.floor(i / operations.length);
    const operation = operations[opIndex];
    const generated = streams[opIndex].sample(sample);
    const caller = target.callers[(sample + hash(operation.key)) % target.callers.length];
    const headers: Record<string, string> = { ...generated.headers };
    if (caller.cookie) headers['cookie'] = caller.cookie;
    if (caller.bearer) headers['authorization'] = `Bearer ${caller.bearer}`;
    if (caller.csrf && operation.stateChanging && !generated.omitCsrf) headers['x-csrf-token'] = caller.csrf;
    const method = operation.method.toUpperCase();
    let response: CheckedResponse;
    try {
      response = await send(target.baseUrl, method, generated.url, headers, generated.body);
    } catch (error) {
      response = { status: 0, contentType: '', text: String(error) };
    }
    report.requests++;
    if (process.env.FUZZ_TRACE) {
      process.stderr.write(
        `${operation.key} as ${caller.name} [${generated.bodyKind}] ${method} ${excerpt(generated.url, 200)} ${excerpt(generated.body, 300)}\n  → ${response.status} ${excerpt(response.text, 300)}\n`,
      );
    }
    const statusClass = response.status === 0 ? 'no answer' : `${Math.floor(response.status / 100)}xx`;
    bump(report.byStatusClass, statusClass);
    bump(report.byStatus, String(response.status));
    bump((report.byOperation[operation.key] ??= {}), String(response.status));
    bump((report.byCaller[caller.name] ??= {}), statusClass);
    bump(report.byBodyKind, generated.bodyKind);
    const problems =
      response.status === 0 ? [`no answer: ${response.text}`] : checker.check(operation, response);
    const requestText = `${safeDecode(generated.url)} ${generated.body ?? ''}`;
    for (const marker of ResponseChecker.leaks(caller.name, requestText, response, target.markers)) {
      if (!target.stillSecret || (await target.stillSecret(marker))) {
        problems.push(`leak: ${marker.label} visible to ${caller.name}`);
      }
    }
    if (problems.length) {
      report.failures.push({
        seed: options.seed,
        operation: operation.key,
        sample,
        caller: caller.name,
        method,
        url: generated.url.length > 400 ? `${generated.url.slice(0, 400)}…` : generated.url,
        requestHeaders: Object.fromEntries(
          Object.entries(headers).filter(
            ([name]) => name !== 'cookie' && name !== 'x-csrf-token' && name !== 'authorization',
          ),
        ),
        bodyKind: generated.bodyKind,
        body: excerpt(generated.body, 2_000),
        status: response.status,
        problems,
        response: excerpt(response.text, 500),
      });
    }
    if (
      caller.kind === 'session' &&
      /\/(auth|account)(\/|s\/|$)/.test(operation.path) &&
      target.restoreSession
    ) {
      await target.restoreSession(caller);
    }
    options.onProgress?.(i + 1, options.runs);
  }
  report.durationMs = Date.now() - started;
  return report;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The counts as a plain-text table (for `npm run fuzz` and for a failing test's message). */
export function formatReport(report: FuzzReport, options: { perOperation?: boolean } = {}): string {
  const lines: string[] = [];
  const seconds = (report.durationMs / 1000).toFixed(1);
  lines.push(
    `seed ${report.seed}: ${report.requests} requests in ${seconds} s (${((report.requests * 1000) / Math.max(report.durationMs, 1)).toFixed(0)}/s), ${report.failures.length} failures`,
  );
  const sorted = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => `${key}: ${n}`)
      .join(', ');
  lines.push(`status classes: ${sorted(report.byStatusClass)}`);
  lines.push(`statuses: ${sorted(report.byStatus)}`);
  lines.push(`bodies: ${sorted(report.byBodyKind)}`);
  lines.push('callers:');
  for (const [caller, counts] of Object.entries(report.byCaller))
    lines.push(`  ${caller.padEnd(24)} ${sorted(counts)}`);
  if (options.perOperation) {
    lines.push(`operations (${Object.keys(report.byOperation).length}):`);
    for (const [key, counts] of Object.entries(report.byOperation))
      lines.push(`  ${key.padEnd(72)} ${sorted(counts)}`);
  }
  if (report.failures.length) {
    lines.push('failures:');
    for (const failure of report.failures.slice(0, 50)) {
      lines.push(
        `  ✗ ${failure.operation} as ${failure.caller} (seed ${failure.seed}, sample ${failure.sample}) → ${failure.status}`,
        `    ${failure.method} ${failure.url}`,
        `    headers ${JSON.stringify(failure.requestHeaders)} body[${failure.bodyKind}] ${failure.body}`,
        ...failure.problems.map((problem) => `    - ${problem}`),
        `    response: ${failure.response}`,
      );
    }
    if (report.failures.length > 50) lines.push(`  … and ${report.failures.length - 50} more`);
  }
  return lines.join('\n');
}
