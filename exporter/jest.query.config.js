// The query API's tests against a real PostgreSQL (one server per run, a database per file); see test-support/.
const { withPostgres, ...base } = require('../jest.node.config.js');

module.exports = withPostgres({ ...base, testMatch: ['<rootDir>/test/query*.test.ts'] });
