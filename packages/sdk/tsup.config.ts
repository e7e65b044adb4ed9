import { defineConfig } from 'tsup';

// `npm run build` empties dist first; the two builds below run side by side, so neither may
// clean it (one would delete the other's output).
export default defineConfig([
  {
    // Two entries: the browser-safe `.` and the Node-only `./server` (AWS SDK, SQLite). Code
    // shared by both is split into chunks, so the browser entry never contains server code.
    entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    // Node built-ins and the server's dependencies stay imports, never bundled.
    external: ['better-sqlite3', /^@aws-sdk\//],
    // The server entry loads its optional peers with `createRequire(import.meta.url)`; the
    // shim gives `import.meta.url` a value in the CommonJS build too.
    shims: true,
  },
  {
    // The `aws-connection-wizard` executable (package.json `bin`): Node only, ESM, no types.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    clean: false,
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    external: ['better-sqlite3', /^@aws-sdk\//],
  },
]);
