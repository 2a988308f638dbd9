import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PRODUCTION_ONLY = {
  group: [
    '**/testing/**',
    'vitest',
    'vitest/*',
    'fast-check',
    'ajv',
    'ajv-formats',
    'yaml',
    'playwright-core',
    'autocannon',
  ],
  message: 'Test support and development dependencies live under src/server/testing/ and in tests.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      'node_modules/',
      'coverage/',
      'test-results/',
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
    // What ships never loads test support or development-only packages: they are not installed in production.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/server/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PRODUCTION_ONLY] }] },
  },
  {
    // Routes never reach the database themselves: routes → service → repository.
    files: ['src/server/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            PRODUCTION_ONLY,
            { group: ['**/*.repository.ts', 'kysely'], message: 'Routes call services, never repositories or SQL.' },
          ],
        },
      ],
    },
  },
);
