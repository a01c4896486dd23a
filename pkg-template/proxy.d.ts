// Types of `wxnet/proxy` (Node only): the dev proxy (RULES.md §14).
export * from './node/proxy.js';
