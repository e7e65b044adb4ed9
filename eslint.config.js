// ESLint flat config for the whole monorepo. Layout is Prettier's job (`prettier --check` runs
// beside ESLint in `npm run lint`), so no stylistic rules are enabled here.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Code that ships to browsers: core, the sdk's browser entry and the react package.
const LIBRARY_FILES = ['packages/*/src/**/*.{ts,tsx}'];
const TEST_FILES = ['**/*.test.{ts,tsx}', '**/*.stories.{ts,tsx}', 'e2e/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/storybook-static/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/__golden__/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.{jsx,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable block (a long command) must be reachable by keyboard so it can be scrolled
      // (WCAG 2.1.1; axe's `scrollable-region-focusable`). A named `region` with tabIndex 0 is
      // that pattern, so regions join tab panels as roles that may take focus.
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,jsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: LIBRARY_FILES,
    ignores: TEST_FILES,
    rules: {
      // Library code never logs: failures are machine state, unexpected errors are rethrown.
      'no-console': 'error',
      // Public APIs are explicit lists, so nobody has to chase re-exports to see what is public.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'List the exports by name instead of `export *`.',
        },
      ],
    },
  },
  {
    // zod's classic API pulls JSON-schema conversion and locales into a bundle (about 92 KB
    // gzip against 6 KB for zod/mini), so browser code uses zod/mini. The sdk's Node-only server
    // entry may use the classic API.
    files: LIBRARY_FILES,
    ignores: ['packages/sdk/src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: "Browser code imports zod as `import * as z from 'zod/mini'`.",
            },
          ],
        },
      ],
    },
  },
);
