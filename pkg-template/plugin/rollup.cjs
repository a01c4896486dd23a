// `require('wxnet/rollup')` (CommonJS configs): the same plugin as the ESM entry, loaded
// through require(esm), so both share one tools module and one cache.
const { wxnet } = require('./rollup.mjs');

module.exports = wxnet;
module.exports.default = wxnet;
module.exports.wxnet = wxnet;
