// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/state/', 'src/channels/web/public/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // channels must stay swappable: only src/channels and src/server (and the tests) may import the channel SDKs
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', 'botframework-*', '@slack/*', 'restify*'],
              message: 'Only src/channels/ and src/server/ may import channel SDKs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/channels/**', 'src/server/**', 'tests/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/channels/web/public/**/*.js', 'src/dashboard/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    // after the spread, which carries its own languageOptions and would drop these globals
    languageOptions: {
      parserOptions: { program: null, project: false, projectService: false },
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
        AdaptiveCards: 'readonly',
        console: 'readonly',
        Chart: 'readonly',
      },
    },
  },
  {
    // the pre-start build check runs as plain JavaScript, before anything is compiled
    files: ['scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { program: null, project: false, projectService: false },
      globals: { process: 'readonly' },
    },
  },
  {
    // dependency-cruiser reads its configuration as CommonJS
    files: ['.dependency-cruiser.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'commonjs',
      parserOptions: { program: null, project: false, projectService: false },
      globals: { module: 'writable' },
    },
  },
);
