// Lint encodes the architecture: which folder may import what, where the few dangerous APIs may
// be touched, and no `any`.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import importBoundaries from './eslint-import-boundaries.js'

const keytarBan = { name: 'keytar', message: 'Use the SecretStore interface.' }
const axiosBan = { name: 'axios', message: 'HTTP belongs in electron/http and the connectors.' }
// electron/services is the composition root: it imports everything, so nothing below it may import it back.
const compositionRoot = { group: ['**/services/*'], message: 'electron/services is the composition root; import the module itself (errors/, journal/, changes/ …).' }
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // TypeScript already checks names; typescript-eslint turns no-undef off for .ts, not .vue.
    rules: { 'no-undef': 'off' },
  },
  {
    plugins: { lanyard: importBoundaries },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'lanyard/import-boundaries': [
        'error',
        {
          // shared/ is read by both sides: only itself and zod.
          'shared/': { allowFolders: ['shared/'], allowPackages: ['zod'] },
          // renderer/ is plain web code talking to window.lanyard only.
          'renderer/': {
            allowFolders: ['renderer/', 'shared/'],
            denyPackages: ['electron', 'axios', 'keytar', ...nodeBuiltins],
          },
        },
      ],
    },
  },
  {
    // One file may touch keytar (the SecretStore implementation); all HTTP lives in the
    // connectors, behind the per-profile client factory.
    files: ['electron/**/*.ts'],
    ignores: ['electron/secrets/KeytarSecretStore.ts', 'electron/connectors/**', 'electron/http/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarBan, axiosBan] }] },
  },
  {
    files: ['electron/{changes,connectors,directory,errors,http,journal,logging,profiles,sandbox,secrets,storage}/**/*.ts'],
    ignores: ['electron/connectors/**', 'electron/http/**', 'electron/secrets/KeytarSecretStore.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarBan, axiosBan], patterns: [compositionRoot] }] },
  },
  {
    // The journal is storage and queries; the change logic in changes/ builds on it, never the other way.
    files: ['electron/journal/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [keytarBan, axiosBan], patterns: [compositionRoot, { group: ['**/changes/*'], message: 'journal/ is storage and queries; keep change logic in changes/.' }] },
      ],
    },
  },
  {
    files: ['electron/secrets/KeytarSecretStore.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [axiosBan] }] },
  },
  {
    files: ['electron/connectors/**/*.ts', 'electron/http/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarBan], patterns: [compositionRoot] }] },
  },
  {
    // ipcMain only in the one wrapper that checks the sender; external links only through the safe opener.
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc/**', 'electron/security/openExternalSafely.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'Register calls through electron/ipc only.' },
        {
          selector: "MemberExpression[property.name='openExternal'][object.name='shell']",
          message: 'Open links through openExternalSafely.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,js,mjs}', '*.config.{ts,js}', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
