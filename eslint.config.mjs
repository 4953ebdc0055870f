// ESLint 9 flat config for the whole workspace: `npx eslint . --max-warnings 0`.
// The Nx project graph behind @nx/enforce-module-boundaries needs no daemon (NX_DAEMON=false).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'AbortSignal',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'structuredClone',
    '__dirname',
    '__filename',
    'require',
    'module',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.nx/**',
    '**/.data/**',
    '**/tmp/**',
    '**/coverage/**',
    'bench/results/**',
    'libs/web/api-client/src/schema.d.ts',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Module boundaries on the tags in each project.json. Real constraints, no '*' → '*' escape hatch.
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:ui', notDependOnLibsWithTags: ['type:data-access', 'type:app'] },
            // Shared domain code stays framework-free: it may use other domain code only.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: '*', notDependOnLibsWithTags: ['type:app'] },
          ],
        },
      ],
    },
  },

  // The browser side: hooks rules and accessibility (WCAG 2.1 AA is a requirement, not a wish).
  {
    files: ['apps/web/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.strict,
    settings: {
      // Check the NL Design System wrappers of @ketenkaart/web-ui where they are used, as the elements
      // they render.
      'jsx-a11y': {
        components: {
          Button: 'button',
          FormLabel: 'label',
          Link: 'a',
          Select: 'select',
          SelectOption: 'option',
          SkipLink: 'a',
          Table: 'table',
          TableCell: 'td',
          TableHeaderCell: 'th',
          Textbox: 'input',
        },
      },
    },
    rules: {
      // The ARIA listbox pattern on ul/li (a combobox's options) is valid; strict forbids it outright.
      'jsx-a11y/no-noninteractive-element-to-interactive-role': [
        'error',
        jsxA11y.flatConfigs.recommended.rules['jsx-a11y/no-noninteractive-element-to-interactive-role'][1],
      ],
      // react-router's <Link to> renders a real href.
      'jsx-a11y/anchor-is-valid': ['error', { components: ['Link'], specialLink: ['to'] }],
    },
  },
  {
    // Those wrappers pass children and htmlFor through props, which these two rules cannot see;
    // the mapping above checks every use of them instead.
    files: ['libs/web/ui/src/lib/**/*.tsx'],
    rules: {
      'jsx-a11y/anchor-has-content': 'off',
      'jsx-a11y/label-has-associated-control': 'off',
    },
  },

  // Last: switch off every stylistic rule that Prettier owns.
  prettier,
);
