import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entries: the browser-safe `.` and the Node-only `./server` (AWS SDK, SQLite). Code
  // shared by both is split into chunks, so the browser entry never contains server code.
  entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // Node built-ins and the server's dependencies stay imports, never bundled.
  external: ['better-sqlite3', /^@aws-sdk\//],
});
