// Lint rules: Next's core-web-vitals and TypeScript presets, plus the import boundaries of architecture.md.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const prismaOnlyInServer = {
  patterns: [
    { group: ['**/lib/server/generated/**', '@prisma/client', '@prisma/client/*'], message: 'Prisma is used only inside lib/server.' },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'lib/server/generated/**', 'public/**', 'next-env.d.ts', '.data/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Starters declare the exercise's signature before the learner uses its parameters.
    files: ['content/exercises/**/starter.ts', 'tests/fixtures/exercises/**/starter.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['app/**', 'lib/lstm/**', 'lib/text/**', 'lib/datasets/**', 'lib/tfjs/**', 'lib/grader/**', 'lib/content/**', 'lib/progress/**'],
    rules: { 'no-restricted-imports': ['error', prismaOnlyInServer] },
  },
  {
    // The pure math and data packages import nothing of the app.
    files: ['lib/lstm/**', 'lib/text/**', 'lib/datasets/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...prismaOnlyInServer.patterns,
            { group: ['react', 'react-dom', 'next', 'next/*', '@/app/*', '@/lib/server/*', '@/lib/grader/*', '@/lib/content/*'], message: 'lib/lstm, lib/text and lib/datasets are pure: they import only tfjs (through lib/tfjs) and each other.' },
          ],
        },
      ],
    },
  },
];

export default config;
