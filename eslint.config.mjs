import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.kith-data/**', '**/.size/**', 'storybook-static/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts'],
    rules: { 'lit/no-template-arrow': 'off', 'lit/no-invalid-html': 'error', 'lit/no-value-attribute': 'error' },
  },
  {
    // unsafeHTML / innerHTML with data is forbidden: user-written text is text.
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'User-written text is text: no unsafeHTML.' }] }],
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Render with Lit templates; never innerHTML.' }],
    },
  },
);
