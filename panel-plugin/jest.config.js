// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...base,
  // d3-color ships .mjs files; reuse the scaffold's swc transform for them (see shared TOOLCHAIN.md, fix 3).
  transform: { ...base.transform, '^.+\\.mjs$': swcTransform },
  // The worker factory uses import.meta (webpack only); tests get a stub and run the layout synchronously.
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '(.*)/spawnLayoutWorker$': '<rootDir>/src/test/spawnLayoutWorkerStub.ts',
  },
  // The real-browser and Grafana specs run under Playwright, not jest.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/', '<rootDir>/browser-tests/', '<rootDir>/bench/'],
};
