import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'src/server/testing/openapi-client/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // What the web app downloads (decision 0025): ECharts only through LazyEChart, after the page; zod never.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: [
      'src/web/components/echart.tsx',
      'src/web/components/lazy-echart.tsx',
      // Itself loaded lazily by the dashboard page.
      'src/web/features/dashboard/dashboard-charts.tsx',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/echart.tsx', 'echarts', 'echarts/*'],
              allowTypeImports: true,
              message: 'Draw charts with LazyEChart: a static import puts ECharts in the page.',
            },
            {
              group: ['zod', '**/shared/schemas/*'],
              allowTypeImports: true,
              message: 'The web app takes types from the schemas and constants from src/shared/domain: zod stays out.',
            },
          ],
        },
      ],
    },
  },
  // Imports between files, folders and packages: .dependency-cruiser.cjs (npm run lint:deps).
);
