import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { API_MAIN, ARTIFACTS_DIR, WEB_DIST, WORKSPACE_ROOT } from './paths';

/** A fresh embedded database runs initdb, migrations and the reference import: allow for a slow machine. */
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningPortal {
  baseUrl: string;
  process: ChildProcess;
  logFile: string;
}

declare global {
  /** Set by global setup, read by global teardown (the same process). */
  var ketenkaartPortal: RunningPortal | undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not reserve a free port');
  return address.port;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts the built portal (API serving the web build on the same origin) the way production does.
 * Uses `DATABASE_URL` when set (CI: a throwaway database on the real server), otherwise an in-memory
 * embedded database so that every run starts clean. `extraEnv` adds settings (e.g. single sign-on) for a
 * second portal that one journey starts for itself.
 */
export async function startPortal(
  options: { extraEnv?: (baseUrl: string) => NodeJS.ProcessEnv; logName?: string } = {},
): Promise<RunningPortal> {
  for (const [what, file] of [
    ['API build', API_MAIN],
    ['web build', path.join(WEB_DIST, 'index.html')],
  ]) {
    if (!existsSync(file)) {
      throw new Error(
        `${what} missing (${path.relative(WORKSPACE_ROOT, file)}): run "npx nx run-many -t build -p api web" first`,
      );
    }
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, options.logName ?? 'portal.log');
  const log = createWriteStream(logFile);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    // Not 'production': only then does the API seed the demo accounts (issue 4, point 8) that the sign-in
    // journeys use. Everything else still runs as in production (built bundles, CSP, JSON logs).
    NODE_ENV: 'test',
    DEMO_SEED: 'true',
    // Plain-http loopback, the one case where the API allows session cookies without `Secure`.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SESSION_COOKIE_SECURE: 'false',
    LOG_FORMAT: 'json',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  if (!env.DATABASE_URL) env.PGLITE_DATA_DIR = 'memory://';
  Object.assign(env, options.extraEnv?.(`http://127.0.0.1:${port}`));

  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `portal exited (${child.exitCode ?? child.signalCode}) before it was healthy; log ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { baseUrl, process: child, logFile };
      lastProblem = `health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopPortal({ baseUrl, process: child, logFile });
  throw new Error(
    `portal not healthy within ${START_TIMEOUT_MS / 1000} s (${lastProblem}); log ${logFile}:\n${tail(logFile)}`,
  );
}

/** SIGTERM, as an orchestrator would; SIGKILL only when the graceful shutdown hangs. */
export async function stopPortal(portal: RunningPortal): Promise<void> {
  const child = portal.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    process.stderr.write(`portal ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s; killing it\n`);
    child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
