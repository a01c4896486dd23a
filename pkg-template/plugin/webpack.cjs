// `require('wxnet/webpack')` (CommonJS configs): the same plugin as the ESM entry, loaded
// through require(esm), so both share one tools module and one cache.
const { wxnet } = require('./webpack.mjs');

module.exports = wxnet;
module.exports.default = wxnet;
module.exports.wxnet = wxnet;
