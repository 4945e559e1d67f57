// Lint run by `npm test` (tests/lint/lint.test.ts runs it and fails on any finding): typescript-eslint's
// recommended rules for the TypeScript of every workspace, eslint-plugin-svelte's for the web app's components.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/build/**', 'web/.svelte-kit/**', 'test-results/**', 'tests/bench/.cache/**', 'data/**', 'tests/lint/.probe-*/**'],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      // The app is served at the root (no `paths.base`): resolve() would add nothing to its links.
      'svelte/no-navigation-without-resolve': 'off',
      // Unused names are the compiler's job (noUnusedLocals/noUnusedParameters); `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read untyped JSON bodies (they assert their shape themselves).
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
