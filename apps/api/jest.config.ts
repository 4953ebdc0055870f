export default {
  displayName: 'api',
  rootDir: '.',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^@ketenkaart/shared-domain$': '<rootDir>/../../libs/shared/domain/src/index.ts',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Integration specs share one database; running files in sequence keeps them independent.
  maxWorkers: 1,
  testTimeout: 60_000,
};
