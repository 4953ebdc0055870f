// Bundle budgets of the web app (issue 8), checked on the production build in dist/apps/web. Deterministic:
// gzip level 9 sizes of the emitted files, no timing. Usage: node tools/check-bundle-size.mjs [distDir]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KIB = 1024;
const BUDGETS = { firstRouteJs: 200 * KIB, allJs: 350 * KIB, css: 50 * KIB };
// The first page a visitor sees: `/` redirects to the Regio's map.
const FIRST_ROUTE_CHUNK = /^regions-[\w-]+\.js$/;

const dist = path.resolve(process.argv[2] ?? 'dist/apps/web');
const assetsDir = path.join(dist, 'assets');
const files = readdirSync(assetsDir);
const gz = (file) => gzipSync(readFileSync(path.join(assetsDir, file)), { level: 9 }).length;
const staticImports = (file) =>
  [
    ...readFileSync(path.join(assetsDir, file), 'utf8').matchAll(
      /(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g,
    ),
  ].map((match) => match[1]);

function closure(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file) || !files.includes(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entryFiles = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((match) => match[1]);
const routeChunk = files.find((file) => FIRST_ROUTE_CHUNK.test(file));
if (!routeChunk) throw new Error('first route chunk (regions-*.js) not found: is the map route still lazy?');
const firstRoute = closure([...entryFiles, routeChunk]);

const sum = (list) => list.reduce((total, file) => total + gz(file), 0);
const figures = {
  firstRouteJs: sum([...firstRoute]),
  allJs: sum(files.filter((file) => file.endsWith('.js'))),
  css: sum(files.filter((file) => file.endsWith('.css'))),
};

let failed = false;
console.log('budget          gzipped     limit');
for (const [name, size] of Object.entries(figures)) {
  const over = size > BUDGETS[name];
  failed ||= over;
  console.log(
    `${name.padEnd(14)} ${(size / KIB).toFixed(1).padStart(7)} KiB ${(BUDGETS[name] / KIB).toFixed(0).padStart(5)} KiB ${over ? 'OVER BUDGET' : 'ok'}`,
  );
}
console.log(`first route: ${[...firstRoute].sort().join(', ')}`);
process.exit(failed ? 1 : 0);
