// Types of the tools module (`wxnet/tools`).
import type { Diagnostic, LintCode } from './rules.js';

/** `off` hides a rule's findings; `warn` and `error` set their severity. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** A finding in a file: lintDomains' Diagnostic with its place in the text. */
export interface FileDiagnostic extends Diagnostic {
  /** 1-based line and column (UTF-16 code units) where the finding starts and ends. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface LintFileOptions {
  /** Severities per code, as `rules` in wxnet.config.json: `{ "wxnet/domain-path": "off" }`. */
  rules?: Partial<Record<LintCode, RuleSetting>> & Record<string, unknown>;
}

/**
 * Lints the text of a server-domain JSON file (RULES.md §1): the findings of
 * lintDomains, each located at the key or array item it is about. Text that is not
 * JSON gives one `wxnet/json-syntax` error at the offending character; problems with
 * `options.rules` are `wxnet/lint-config` errors (without a location).
 * @throws WxnetError `arg/type` when `text` is not a string or `rules` not an object.
 */
export function lintDomainsFile(text: string, options?: LintFileOptions): FileDiagnostic[];
