// The exporter's tests: KPI tests need a real PostgreSQL (one server per run, see test-support/).
// The query API's tests run under jest.query.config.js.
const { withPostgres, ...base } = require('../jest.node.config.js');

module.exports = withPostgres({ ...base, testPathIgnorePatterns: ['/node_modules/', '/test/query'] });
