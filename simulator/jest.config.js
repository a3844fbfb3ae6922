const { withPostgres, ...base } = require('../jest.node.config.js');
module.exports = withPostgres(base);
