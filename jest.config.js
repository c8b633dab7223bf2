// @ts-check
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

/**
 * Two projects: unit tests (`*.test.ts`) need nothing; integration tests (`*.int.test.ts`) run
 * against a real Neo4j that the global setup starts when none answers.
 * @type {import('jest').Config}
 */
module.exports = {
  // Integration tests wait on a real database; unit tests finish far below this.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: [
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/test/**/*.test.ts',
        '<rootDir>/explorer/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/src/**/*.int.test.ts', '<rootDir>/test/**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
