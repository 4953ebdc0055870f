import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(appRoot, '../..');
const apiTarget = process.env['KETENKAART_API_URL'] ?? 'http://localhost:3000';

/** tsconfig.base.json stays the one source of the `@ketenkaart/*` path aliases. */
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      resolve(workspaceRoot, target ?? ''),
    ]),
  );
}

const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root: appRoot,
  cacheDir: resolve(workspaceRoot, 'node_modules/.vite/apps/web'),
  plugins: [react()],
  resolve: { alias: workspaceAliases() },
  server: { port: 4200, strictPort: true, host: 'localhost', proxy },
  preview: { port: 4300, strictPort: true, host: 'localhost', proxy },
  build: {
    outDir: resolve(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
});
