#!/usr/bin/env node
// Web benchmark (issue 8, point 1): Lighthouse 12.2.3 against the production build of the portal on loopback, for the
// map (Regio's), directory search, a region page, the hand-off inbox and a dashboard (monitoring).
//
//   npm run bench:web                  builds API and web, then runs this script
//   node bench/web-lighthouse.mjs [--preset desktop|mobile] [--runs 1] [--only map,inbox] [--json <file>]
//        [--api-dist dist/apps/api] [--web-dist dist/apps/web] [--chromium /usr/bin/chromium]
//
// 1. Starts a private copy of the built portal (API serving the web build on one origin, as in production: CSP,
//    compression, cache headers) on 127.0.0.1 with an in-memory embedded database, DEMO_SEED=true and NODE_ENV=test
//    (only then are the demo accounts seeded), like apps/web-e2e/src/support/portal.ts.
// 2. Signs in through the API as the demo ontvanger (password + TOTP; the inbox) and the demo landelijk monitor (the
//    dashboard), and hands the session cookie to Lighthouse (`extraHeaders`). Pages whose route does not exist yet
//    in apps/web/src/config/paths.ts are measured on the closest signed-in page, and the table says so.
// 3. Runs Lighthouse (performance, accessibility, best practices) in Debian's Chromium, each page `--runs` times (a
//    fresh Chromium per run), and reports the run with the median performance score.
// 4. Prints per page the three scores, LCP, TBT and CLS against the targets (performance ≥ 0.95, accessibility 1.00,
//    best practices ≥ 0.95, LCP ≤ 2.5 s, TBT ≤ 200 ms, CLS ≤ 0.1), the failing audits, and writes JSON to
//    bench/results/ (git-ignored). Exit code 1 when a run failed (not when a target is missed: that is a finding).
//
// Preset: desktop by default. Ketenkaart is a work tool for professionals at a desk (ketenregisseurs,
// zorgcoördinatoren, beleidsmedewerkers), the map and the matrix are desktop layouts; Lighthouse's desktop preset
// (1,350 × 940, 40 ms RTT, 10 Mbit/s, no CPU slowdown) matches that. `--preset mobile` (Moto G Power, slow 4G, 4× CPU
// slowdown) is available for the phone case.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printUsageAndExit } from './support.mjs';
import { DEMO, signIn } from './demo-session.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN_IN_DIST = 'apps/api/src/main.js';
const TARGETS = {
  performance: 0.95,
  accessibility: 1,
  bestPractices: 0.95,
  lcpMs: 2500,
  tbtMs: 200,
  cls: 0.1,
};
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: args } = parseArgs({
  options: {
    preset: { type: 'string', default: 'desktop' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    json: { type: 'string' },
    'api-dist': { type: 'string' },
    'web-dist': { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) printUsageAndExit(import.meta.url);
if (!['desktop', 'mobile'].includes(args.preset)) {
  console.error('--preset must be desktop or mobile');
  process.exit(2);
}
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs must be a whole number ≥ 1');
  process.exit(2);
}
const startedAt = new Date();
const API_DIST = path.resolve(ROOT, args['api-dist'] ?? 'dist/apps/api');
const WEB_DIST = path.resolve(ROOT, args['web-dist'] ?? 'dist/apps/web');
const JSON_OUT = path.resolve(
  ROOT,
  args.json ?? `bench/results/web-lighthouse-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
);

// ---------------------------------------------------------------------------------------------- helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
const tail = (file, lines = 30) => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** A private copy of both builds: other work rebuilds dist/ concurrently (nx build starts with rm -rf). */
function snapshotBuilds(workDir) {
  for (const [what, file] of [
    ['API build', path.join(API_DIST, MAIN_IN_DIST)],
    ['web build', path.join(WEB_DIST, 'index.html')],
  ]) {
    if (!existsSync(file))
      throw new Error(`${what} missing (${file}): run "npx nx run-many -t build -p api web" first`);
  }
  const api = path.join(workDir, 'api');
  const web = path.join(workDir, 'web');
  cpSync(API_DIST, api, { recursive: true });
  cpSync(WEB_DIST, web, { recursive: true });
  if (!existsSync(path.join(web, 'index.html')) || !existsSync(path.join(api, MAIN_IN_DIST)))
    throw new Error('a build changed while it was copied; is another build running?');
  return { main: path.join(api, MAIN_IN_DIST), web };
}

/** The portal as apps/web-e2e/src/support/portal.ts starts it. */
async function startPortal(builds, workDir) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(workDir, 'portal.log');
  const log = openSync(logFile, 'a');
  const env = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: 'test',
    DEMO_SEED: 'true',
    PUBLIC_URL: baseUrl,
    SESSION_COOKIE_SECURE: 'false',
    WEB_DIST_DIR: builds.web,
    PGLITE_DATA_DIR: 'memory://',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [builds.main], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  // Never leave the portal behind, even when this process dies without running its cleanup.
  process.once('exit', () => child.kill('SIGKILL'));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await Promise.race([exited, sleep(15_000).then(() => null)]))) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const exit = await Promise.race([exited, sleep(250).then(() => null)]);
    if (exit) throw new Error(`portal exited (${exit.code}/${exit.signal}) during start:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { baseUrl, stop, logFile };
    } catch {
      // not listening yet
    }
  }
  await stop();
  throw new Error(`portal not healthy within 180 s:\n${tail(logFile)}`);
}

/** The route paths the web app defines (apps/web/src/config/paths.ts), to find pages that exist by now. */
function webRoutes() {
  const source = readFileSync(path.join(ROOT, 'apps/web/src/config/paths.ts'), 'utf8');
  return [...source.matchAll(/path:\s*'([^']+)'/g)].map((match) => match[1]);
}

/** The pages to measure; `cookie` of the signed-in ones; `note` when a stand-in is measured. */
async function pages(baseUrl) {
  const routes = webRoutes();
  const regions = await (
    await fetch(`${baseUrl}/api/v1/regions?type=veiligheidsregio`, { signal: AbortSignal.timeout(30_000) })
  ).json();
  const list = Array.isArray(regions) ? regions : (regions.items ?? []);
  const region =
    list.find((candidate) => /Amsterdam/.test(candidate.name)) ??
    list[0] ??
    (() => {
      throw new Error('no veiligheidsregio found');
    })();
  const inboxRoute = routes.find((route) => /^\/overdrachten(\/inbox|\/postvak-in)?$/.test(route));
  const dashboardRoute = routes.find((route) => route === '/monitoring');
  return [
    { key: 'map', name: "Regio's (map)", path: '/regios' },
    { key: 'directory', name: 'Sociale kaart search', path: '/sociale-kaart?q=politie' },
    { key: 'region', name: `Region page (${region.name})`, path: `/regios/${region.id}` },
    inboxRoute
      ? { key: 'inbox', name: 'Hand-off inbox', path: inboxRoute, account: 'ontvanger' }
      : {
          key: 'inbox',
          name: 'Hand-off inbox',
          path: '/mijn-account',
          account: 'ontvanger',
          note: 'no inbox route yet: measured /mijn-account signed in as the ontvanger',
        },
    dashboardRoute
      ? { key: 'dashboard', name: 'Dashboard (monitoring)', path: dashboardRoute, account: 'monitor' }
      : {
          key: 'dashboard',
          name: 'Dashboard (monitoring)',
          path: '/mijn-account',
          account: 'monitor',
          note: 'no dashboard route yet: measured /mijn-account signed in as the monitor',
        },
  ].filter((page) => !args.only || args.only.split(',').includes(page.key));
}

async function runLighthouse(url, cookie) {
  const chrome = await chromeLauncher.launch({
    chromePath: args.chromium,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      },
      args.preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

function figuresOf(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const failing = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((item) => item && item.score !== null && item.score < 0.9)
      .map((item) => `${category.id}: ${item.id} (${item.displayValue ?? item.score})`),
  );
  // Where the points went: the shifted elements, the elements of failing audits, the long main-thread tasks.
  const nodes = (id) =>
    (lhr.audits[id]?.details?.items ?? []).slice(0, 5).map((item) => ({
      score: item.score ?? item.cumulativeScore,
      selector: item.node?.selector ?? item.node?.path,
      snippet: item.node?.snippet?.slice(0, 160),
    }));
  const diagnostics = {
    layoutShifts: nodes('layout-shifts'),
    longTasks: (lhr.audits['long-tasks']?.details?.items ?? [])
      .slice(0, 5)
      .map((item) => ({ url: item.url, startMs: item.startTime, durationMs: item.duration })),
    failingNodes: Object.fromEntries(
      Object.values(lhr.audits)
        .filter((item) => item.score !== null && item.score < 0.9 && item.details?.items?.[0]?.node)
        .map((item) => [item.id, nodes(item.id)]),
    ),
  };
  return {
    diagnostics,
    performance: lhr.categories.performance?.score ?? NaN,
    accessibility: lhr.categories.accessibility?.score ?? NaN,
    bestPractices: lhr.categories['best-practices']?.score ?? NaN,
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    fcpMs: audit('first-contentful-paint'),
    finalUrl: lhr.finalDisplayedUrl,
    failing,
  };
}

function check(figures) {
  return {
    performance: figures.performance >= TARGETS.performance,
    accessibility: figures.accessibility >= TARGETS.accessibility,
    bestPractices: figures.bestPractices >= TARGETS.bestPractices,
    lcp: figures.lcpMs <= TARGETS.lcpMs,
    tbt: figures.tbtMs <= TARGETS.tbtMs,
    cls: figures.cls <= TARGETS.cls,
  };
}

// ---------------------------------------------------------------------------------------------- main
async function main(cleanup) {
  // Inside the workspace, so that the copied API resolves node_modules.
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const workDir = mkdtempSync(path.join(ROOT, 'tmp', 'bench-web-'));
  cleanup.push(() => rmSync(workDir, { recursive: true, force: true }));
  if (!existsSync(args.chromium))
    throw new Error(`no Chromium at ${args.chromium}: apt-get install chromium (or pass --chromium <path>)`);
  const builds = snapshotBuilds(workDir);
  console.log(
    `Ketenkaart web benchmark: Lighthouse 12 (${args.preset} preset), ${RUNS} run(s) per page, Chromium ${args.chromium}; ` +
      `${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ')}`,
  );
  const portal = await startPortal(builds, workDir);
  cleanup.push(() => portal.stop());
  console.log(`portal on ${portal.baseUrl} (embedded database in memory, demo seed)`);
  const sessions = {};
  const list = await pages(portal.baseUrl);
  const results = [];
  for (const page of list) {
    if (page.account && !sessions[page.account])
      sessions[page.account] = await signIn(portal.baseUrl, DEMO[page.account]);
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A loaded machine now and then loses the trace (NO_NAVSTART, NO_FCP): up to two more attempts.
      let lhr;
      for (let attempt = 1; !lhr; attempt += 1) {
        try {
          lhr = await runLighthouse(`${portal.baseUrl}${page.path}`, sessions[page.account]?.cookie);
        } catch (error) {
          if (attempt >= 3) throw error;
          console.log(`  ${page.name}: ${error instanceof Error ? error.message : error}; trying again`);
        }
      }
      runs.push(figuresOf(lhr));
    }
    const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
    if (page.account && new URL(median.finalUrl).pathname.startsWith('/inloggen'))
      throw new Error(`${page.name}: the session was not accepted (redirected to ${median.finalUrl})`);
    results.push({ ...page, figures: median, checks: check(median), runs });
    console.log(
      `  ${page.name.padEnd(34)} perf ${median.performance.toFixed(2)}  LCP ${(median.lcpMs / 1000).toFixed(2)} s` +
        `${page.note ? `  (${page.note})` : ''}`,
    );
  }

  const score = (value, ok) => `${value.toFixed(2)} ${ok ? '✓' : '✗'}`;
  const header = ['page', 'path', 'performance', 'accessibility', 'best practices', 'LCP', 'TBT', 'CLS'];
  const rows = results.map(({ name, path: pagePath, figures, checks, note }) => [
    `${name}${note ? ' *' : ''}`,
    pagePath.replace(/[0-9a-f-]{36}/, '{id}'),
    score(figures.performance, checks.performance),
    score(figures.accessibility, checks.accessibility),
    score(figures.bestPractices, checks.bestPractices),
    `${(figures.lcpMs / 1000).toFixed(2)} s ${checks.lcp ? '✓' : '✗'}`,
    `${Math.round(figures.tbtMs)} ms ${checks.tbt ? '✓' : '✗'}`,
    `${figures.cls.toFixed(3)} ${checks.cls ? '✓' : '✗'}`,
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row) =>
    `| ${row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(
    `\nResults (${args.preset}, median of ${RUNS} run(s) by performance score; targets: performance ≥ ${TARGETS.performance}, ` +
      `accessibility ${TARGETS.accessibility.toFixed(2)}, best practices ≥ ${TARGETS.bestPractices}, LCP ≤ ${TARGETS.lcpMs / 1000} s, ` +
      `TBT ≤ ${TARGETS.tbtMs} ms, CLS ≤ ${TARGETS.cls})`,
  );
  console.log(line(table[0]));
  console.log(
    `|${widths.map((width, column) => (column < 2 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`,
  );
  for (const row of table.slice(1)) console.log(line(row));
  for (const result of results.filter((r) => r.note)) console.log(`* ${result.name}: ${result.note}`);
  const failing = results.filter((result) => result.figures.failing.length > 0);
  if (failing.length > 0) {
    console.log('\nAudits below 0.9:');
    for (const result of failing) {
      console.log(`  ${result.name}: ${result.figures.failing.join('; ')}`);
      for (const shift of result.figures.diagnostics.layoutShifts.filter((item) => item.score >= 0.01))
        console.log(`    layout shift ${shift.score.toFixed(3)}: ${shift.selector} ${shift.snippet ?? ''}`);
      for (const [id, items] of Object.entries(result.figures.diagnostics.failingNodes))
        if (id !== 'layout-shifts')
          for (const item of items) console.log(`    ${id}: ${item.selector} ${item.snippet ?? ''}`);
    }
  }
  const allMet = results.every((result) => Object.values(result.checks).every(Boolean));
  console.log(`\ntargets: ${allMet ? 'all MET' : 'some MISSED (✗ above)'}`);
  mkdirSync(path.dirname(JSON_OUT), { recursive: true });
  writeFileSync(
    JSON_OUT,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        preset: args.preset,
        runs: RUNS,
        targets: TARGETS,
        loadAverage: os.loadavg(),
        results,
      },
      null,
      2,
    ),
  );
  console.log(`JSON: ${path.relative(ROOT, JSON_OUT)}`);
}

const cleanup = [];
async function runCleanup() {
  for (const step of cleanup.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
  cleanup.length = 0;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await runCleanup();
    process.exit(130);
  });
}
try {
  await main(cleanup);
} catch (error) {
  console.error(`\nAborted: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
} finally {
  await runCleanup();
}
