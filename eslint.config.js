// Lint rules, including the layering the architecture depends on:
// shared/ never imports client/ or server/, and client/ never imports server/.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const forbid = (...dirs) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: dirs.map((dir) => ({
        group: [`**/${dir}/**`, `**/${dir}`],
        message: `This layer must not import ${dir}/ (see docs/ARCHITECTURE.md).`,
      })),
    },
  ],
})

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['shared/**'], rules: forbid('client', 'server') },
  {
    files: ['client/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...forbid('server'), ...reactHooks.configs.recommended.rules },
  },
)
