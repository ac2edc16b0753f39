import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'public/generated/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // User-supplied names must be rendered as text, never as HTML.
      'svelte/no-at-html-tags': 'error',
      // Maps and Sets here are built inside $derived and replaced wholesale, never mutated.
      'svelte/prefer-svelte-reactivity': 'off',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text, not HTML.' },
        { property: 'outerHTML', message: 'Render data as text, not HTML.' },
      ],
    },
  },
);
