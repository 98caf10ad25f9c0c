import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './tools/lint/module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.infra/**', '.nx/**', 'coverage/**', 'tools/lint/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', 'apps/web/**/*.mts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // The web app is typed by its own projects (DOM, JSX, bundler resolution); apps/web/src/gql is generated.
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // It reports what the React Compiler would skip memoizing (TanStack Virtual's hook); the build does not use the
      // compiler, so the warning names no defect here — the hooks rules that catch real bugs stay on.
      'react-hooks/incompatible-library': 'off',
    },
    languageOptions: {
      parserOptions: {
        project: ['./apps/web/tsconfig.json', './apps/web/tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  { ignores: ['apps/web/src/gql/**'] },
  {
    files: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '{apps,libs,tools}/**/bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Test doubles implement async interfaces without always awaiting.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
