import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

// Stories render the react package from its TypeScript sources, like the unit tests do, so
// Storybook never needs the packages built first.
const SOURCE_CONDITION = '@aws-connection-wizard/source';

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
    return viteConfig;
  },
};

export default config;
