// ESLint for src, test, scripts and demo. Run from the repository's root (`npm run lint`, or the lint stage of
// `npm test`): with --config, ESLint resolves these patterns against the working directory, and the plugins below
// from scripts/lint/node_modules (their own TypeScript 5.9, since the project's TypeScript 7 has no JavaScript API).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'tmp/**',
      '**/node_modules/**',
      'test/artifacts/**',
      'test/visual/**',
      // Separate apps and inputs with their own rules (a consumer app built from the packed tarball, fixtures).
      'test/consumer/**',
      'test/**/fixtures/**',
      // Generated from jsrsasign (scripts/vendor-jwths.mjs), kept byte for byte.
      'src/api/vendor/**',
      'scripts/lint/fixtures/**',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a signature, a skipped array slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'demo/**/*.{js,ts}'],
    extends: [lit.configs['flat/recommended']],
  },
  {
    // Lines over 120 characters in the sources, html`` and css`` templates included (prettier leaves those as
    // written). Core max-len is deprecated in favour of @stylistic but kept until ESLint 11.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-len': ['error', { code: 120, tabWidth: 2 }] },
  },
  {
    // Node scripts and tests.
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'demo/serve.mjs', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Pages' scripts.
    files: ['demo/**/*.js', 'test/e2e/pages/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
