// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'docs/api/', 'docs/playground/dist/', 'node_modules/', '.tmp/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bench/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // fp-ts and io-ts subpaths pass tsc, publint and attw, then crash under Node ESM.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^fp-ts/', message: "Import fp-ts from its root: import { either as E } from 'fp-ts'." },
            { regex: '^io-ts/', message: "Import io-ts from its root: import * as t from 'io-ts'." },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/array-type': ['error', { default: 'generic' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
    },
  },
  {
    // A spread argument puts every item of a list on the stack: Math.max(...lengths) over
    // 150,000 input files overflowed it (issue 21). Loop or reduce instead.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement', message: 'A spread argument puts every item on the stack, which a long list overflows: loop or reduce instead.' },
        { selector: "CallExpression[callee.property.name='apply']", message: '.apply() puts every item of its list on the stack, which a long list overflows: loop or reduce instead.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.js', '*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
)
