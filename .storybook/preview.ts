import type { Preview } from '@storybook/react-vite';

import '../packages/react/src/styles.css';

const preview: Preview = {
  parameters: {
    // Every story is also a test (the `storybook` vitest project); an axe violation fails it.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
