// Rewrites the workspace path aliases (tsconfig.base.json "paths") in compiled CommonJS output to relative
// requires, so `node dist/...` runs without a resolver hook. Usage: node tools/rewrite-path-aliases.mjs <outDir>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const outDir = path.resolve(process.argv[2] ?? '');
const { compilerOptions } = JSON.parse(readFileSync('tsconfig.base.json', 'utf8'));
const aliases = Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
  alias,
  path.join(outDir, target.replace(/\.ts$/, '.js')),
]);

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* jsFiles(file);
    else if (name.endsWith('.js')) yield file;
  }
}

let rewritten = 0;
for (const file of jsFiles(outDir)) {
  const source = readFileSync(file, 'utf8');
  let result = source;
  for (const [alias, target] of aliases) {
    let relative = path.relative(path.dirname(file), target).split(path.sep).join('/');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    result = result.replaceAll(`require("${alias}")`, `require("${relative}")`);
  }
  if (result !== source) {
    writeFileSync(file, result);
    rewritten++;
  }
}
console.log(`path aliases rewritten in ${rewritten} file(s)`);
