// Watch mode for the API: recompiles on change (tsc --watch), rewrites path aliases, restarts the server.
// Used by `npm run dev` (the web runs beside it on Vite's dev server, proxying /api here).
import { spawn, execFileSync } from 'node:child_process';

const entry = 'dist/apps/api/apps/api/src/main.js';
let server;

function restart() {
  execFileSync(process.execPath, ['tools/rewrite-path-aliases.mjs', 'dist/apps/api'], { stdio: 'ignore' });
  const start = () => {
    server = spawn(process.execPath, ['--enable-source-maps', entry], {
      stdio: 'inherit',
      env: { LOG_FORMAT: 'pretty', ...process.env },
    });
  };
  if (server && server.exitCode === null) {
    server.once('exit', start);
    server.kill('SIGTERM');
  } else start();
}

const tsc = spawn('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
tsc.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Found 0 errors/.test(text)) restart();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    tsc.kill(signal);
    server?.kill(signal);
    process.exit(0);
  });
}
