import * as path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** Screenshots, the portal log and browser profiles land here, for humans to look at after a run. */
export const ARTIFACTS_DIR = path.join(WORKSPACE_ROOT, 'tmp', 'e2e');

export const API_MAIN = path.join(WORKSPACE_ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WEB_DIST = path.join(WORKSPACE_ROOT, 'dist/apps/web');
