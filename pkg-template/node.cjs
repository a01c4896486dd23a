// CommonJS entry: Node >= 20.19 can require() an ES module without top-level await,
// so CJS users share the one ESM instance (no dual-package hazard: one WxnetError class).
module.exports = require('./node.mjs');
