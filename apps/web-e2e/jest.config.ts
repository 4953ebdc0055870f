/**
 * Browser journeys against the built portal.
 *
 * Why Jest (with ts-jest) and not `node --test` on plain .mjs: the rest of the workspace already tests
 * with Jest 30 + ts-jest, so there is one test runner, one assertion library and one way to type-check
 * tests (STYLE.md: one way to do each thing). The journeys stay TypeScript strict, import the region
 * type codes from `@ketenkaart/shared-domain`, and are linted by the same typescript-eslint rules.
 * `@playwright/test` is not used: it would want its own browser download; playwright-core drives
 * Debian's chromium instead.
 *
 * One portal process serves every file (global setup/teardown); each file opens its own browser.
 * Files run one at a time: two cores, and one shared database.
 */
export default {
  displayName: 'web-e2e',
  rootDir: '.',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@ketenkaart/shared-domain$': '<rootDir>/../../libs/shared/domain/src/index.ts',
  },
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
};
