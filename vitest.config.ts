import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Debian's Chromium, driven directly: Playwright's browser download is not used. Kept in step
// with e2e/chromium.ts (a config file cannot import a .ts module without Vite's bundled loader).
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Workspace packages resolve to their TypeScript sources through this private export
// condition, so tests never need a build first.
const SOURCE_CONDITION = '@aws-connection-wizard/source';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  // Server-side code is resolved as Node resolves it, without Vite's `module` condition: the
  // AWS SDK v3 maps `module` to bundler-only builds (extensionless imports) that Node cannot
  // load, and lists it before `node` in its exports.
  ssr: {
    resolve: {
      conditions: [
        SOURCE_CONDITION,
        ...defaultServerConditions.filter((condition) => condition !== 'module'),
      ],
    },
  },
  test: {
    globals: true,
    // Benchmarks are plain Node code: only the `node` project runs them, so `npm run bench`
    // reports each figure once rather than once per project.
    benchmark: { include: [] },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts', 'packages/sdk/src/**/*.test.ts'],
          benchmark: { include: ['packages/*/src/**/*.bench.ts'] },
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          setupFiles: ['./vitest.setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Every story of the react package runs as a test in Debian's Chromium, with axe checks
        // (`a11y: { test: 'error' }` in .storybook/preview.ts).
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // End-to-end tests drive the built example app (examples/host-vite/dist) against a local
        // AWS API emulator; `npm run build` must have run first.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file starts its own servers and browser; two cores cannot run several at once.
          fileParallelism: false,
        },
      },
    ],
  },
});
