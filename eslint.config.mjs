// Lint rules that catch what bites a service: unawaited promises and non-exhaustive switches.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      '*.js',
      '*.mjs',
      'bin/**',
      '.ci/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @pedigree/config, never process.env directly.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/**', '**/apps/**'],
              message:
                'Import another project by its alias (@pedigree/...), not by a relative path.',
            },
          ],
        },
      ],
    },
  },
  {
    // The config library reads the environment; the test harness hands services to Jest workers
    // and to the processes it spawns through it.
    files: ['libs/config/src/**/*.ts', 'test/harness/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
