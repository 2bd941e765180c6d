/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/packages/client/src', '<rootDir>/test'],
  moduleNameMapper: {
    '^@zoonest/client$': '<rootDir>/packages/client/src/index.ts',
    '^@zoonest/protocol/(.*)$': '<rootDir>/src/protocol/$1',
  },
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  maxWorkers: 2,
  testTimeout: 30000,
};
