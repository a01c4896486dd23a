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

/** A finding of lintProject: the output contract of `wxnet lint --format json`. */
export interface ProjectDiagnostic {
  /** Relative to the project folder, with `/`. */
  file: string;
  /** 1-based; columns in UTF-16 code units (as JS strings count). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: LintCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** How to fix it, when there is something to do. */
  help?: string;
  /** The network API of a call site. */
  api?: 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket';
  /** The statically resolved URL text of a call site. */
  url?: string;
}

export interface ProjectReport {
  diagnostics: ProjectDiagnostic[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

/** A file given apart from the project folder. */
export interface GivenFile {
  file: string;
  text: string;
}

export interface LintProjectOptions {
  /** The server-domain list (else `domains` of wxnet.config.json): a file, its JSON text, or the object. */
  domains?: GivenFile | string | Record<string, unknown>;
  /** The settings (else wxnet.config.json at the project root). */
  config?: GivenFile | string | Record<string, unknown>;
  /** The phone's address, `ip/prefix` (else `lan` of wxnet.config.json). */
  lan?: string;
}

/**
 * Lints a mini program project (RULES.md §12, §13): its configuration files and the
 * URLs its code passes to wx/uni/Taro request, uploadFile, downloadFile and
 * connectSocket. `files` maps paths relative to the project folder to their text
 * (the caller reads them: Node walks the disk, a page gets a dropped folder).
 * @throws WxnetError `arg/lan` for a bad `lan`, `arg/type` for wrong argument types.
 */
export function lintProject(files: Map<string, string> | Record<string, string>, options?: LintProjectOptions): ProjectReport;

/** eslint-style text: `path:line:column  severity  message  code`, a code frame, the help; a summary. */
export function formatText(report: ProjectReport, files?: Map<string, string> | Record<string, string>, options?: { colour?: boolean }): string;
/** The JSON of the output contract. */
export function formatJson(report: ProjectReport): string;
/** SARIF 2.1.0 for code scanning. */
export function formatSarif(report: ProjectReport, options?: { version?: string }): string;
/** Whether a reader should load the file at `path` (relative, `/`) for lintProject. */
export function isReadFile(path: string): boolean;
/** Whether a reader should walk into a folder of this name (not node_modules/, .git/). */
export function isWalkedFolder(name: string): boolean;
/** Bytes as UTF-8 text, invalid sequences replaced. */
export function decodeText(bytes: BufferSource): string;
