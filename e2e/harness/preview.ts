/**
 * Serves a built Vite app with `vite preview` on a free loopback port. By default that is the
 * example host console, built from the packages' `dist/` as a customer would consume them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findFreePort, startServer } from './processes';
import type { ServerProcess } from './processes';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_APP_ROOT = path.join(REPOSITORY_ROOT, 'examples/host-vite');

/**
 * Starts `vite preview` for the app in `root` (its `dist/` must exist). The vite binary is started
 * directly, not through npx, so the pid is the server's own. Vite allows one preview per project
 * unless told otherwise; the harness serves on a port of its own, so it may run beside a
 * developer's `npm start`.
 */
export async function startPreview(options: { root?: string } = {}): Promise<ServerProcess> {
  const root = options.root ?? EXAMPLE_APP_ROOT;
  if (!existsSync(path.join(root, 'dist', 'index.html'))) {
    throw new Error(`${root}/dist is missing: run \`npm run build\` first.`);
  }
  const port = await findFreePort();
  const vite = path.join(REPOSITORY_ROOT, 'node_modules/.bin/vite');
  return startServer(
    vite,
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--bypass-lock'],
    { port, spawn: { cwd: root, env: { ...process.env, NO_COLOR: '1' } } },
  );
}
