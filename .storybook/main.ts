import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

// Stories render the react package from its TypeScript sources, like the unit tests do, so
// Storybook never needs the packages built first.
const SOURCE_CONDITION = '@aws-connection-wizard/source';

const PREBUNDLED_DEPENDENCIES = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'xstate',
  '@xstate/react',
  'zod/mini',
  '@radix-ui/react-accordion',
  '@radix-ui/react-checkbox',
  '@radix-ui/react-radio-group',
  '@radix-ui/react-tabs',
];

const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal: async (viteConfig) => {
    // `resolve.conditions` replaces Vite's defaults, so they are spread back in.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: [SOURCE_CONDITION, ...defaultClientConditions],
    };
    // Name every dependency the stories load up front. Discovered one by one, Vite re-bundles
    // them mid-run, and stories then mix two copies of React ("reading 'useState'" of null).
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), ...PREBUNDLED_DEPENDENCIES],
    };
    return viteConfig;
  },
};

export default config;
