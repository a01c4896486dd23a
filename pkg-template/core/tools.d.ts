// Types of the tools module (`wxnet/tools`).
import type { Diagnostic, LintCode } from './rules.js';
import type { ErrMsgKey } from './types.generated.js';

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

/** What an errMsg means: the result of explainErrMsg. */
export interface ErrMsgExplanation {
  /** The API before `:fail` (`request`, `createSocketTask`), when the text names one. */
  api?: string;
  /** The errMsg catalogue key (`certificate`, `url-not-in-domain-list`, …), or `unknown`. */
  key: ErrMsgKey | 'unknown';
  errno?: number;
  /** The Chromium (cronet) net error the text carries: `{ code: -202, name: 'CERT_AUTHORITY_INVALID' }`. */
  netError?: { code: number; name: string };
  title: string;
  causes: string[];
  fixes: string[];
  /** The wxnet command to run next (`wxnet doctor <host>`, `wxnet check <url> --domains <domains.json>`, `wxnet lint`). */
  next?: string;
}

/**
 * Explains any errMsg a client showed (RULES.md §15): `request:fail -202:net::ERR_CERT_AUTHORITY_INVALID`,
 * the newer `errcode:-202 cronet_error_code:-202 error_msg:…` shape, `url not in domain list`, DevTools'
 * Chinese TLS text, `ssl hand shake error`, a bare errno (`'600002'`), a pasted `{"errno":…,"errMsg":…}`
 * object, Node's transport codes (`CERT_HAS_EXPIRED`). Unknown text gives key `unknown`, never a throw.
 * @throws WxnetError `arg/type` when `text` is not a string.
 */
export function explainErrMsg(text: string): ErrMsgExplanation;

/** A platform the doctor judges: iOS (Apple's store and policy), Android (cronet, no intermediate fetching), DevTools. */
export type TlsPlatform = 'ios' | 'android' | 'devtools';
export type TlsSeverity = 'block' | 'risk' | 'warn' | 'info';
export type TlsVerdict = 'pass' | 'risk' | 'fail';
/** A chain: PEM text (any number of CERTIFICATE blocks), DER bytes, or an array of them, leaf first. */
export type CertificateInput = string | Uint8Array | ArrayBuffer | Array<string | Uint8Array | ArrayBuffer>;

/** What a handshake probe learnt (doctor() fills it in). */
export interface HandshakeFacts {
  versions?: { 'TLSv1'?: boolean; 'TLSv1.1'?: boolean; 'TLSv1.2'?: boolean; 'TLSv1.3'?: boolean };
  /** The TLS 1.2 suites the server accepted, by IANA name. */
  ciphers?: string[];
  ocspStaple?: boolean;
  /** A connection without SNI got another certificate. */
  noSniCertificateDiffers?: boolean;
}

export interface DiagnoseChainOptions {
  /** The host the mini program connects to (DNS name or IP address). */
  host: string;
  /** The time to judge at: a Date, milliseconds since the epoch, or an ISO date. */
  now: Date | number | string;
  /** The platforms to judge (default all three). */
  stores?: TlsPlatform[];
  /** Roots installed on the phone on top of its store (a private CA). */
  extraRoots?: CertificateInput;
  tls?: HandshakeFacts;
}

export interface TlsFinding {
  /** The check id: `chain.complete`, `chain.trusted`, `cert.name.san`, `cert.date.valid`, `tls.version.min12`, … */
  id: string;
  severity: TlsSeverity;
  platforms: TlsPlatform[];
  message: string;
  /** The fix. */
  help: string;
  /** The index in the chain of the certificate the finding is about. */
  cert?: number;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  sans: string[];
  notBefore: string;
  notAfter: string;
  /** `RSA 2048`, `EC P-256`, `Ed25519`. */
  key: string;
  signature: string;
  /** SHA-256 of the DER, hex. */
  sha256: string;
}

export interface ChainReport {
  verdict: Record<TlsPlatform, TlsVerdict>;
  /** The errMsg each failing platform will most likely show (Chromium's priority order). */
  predicted: Partial<Record<TlsPlatform, { errMsg: string; errno?: number }>>;
  /** Most severe first. */
  findings: TlsFinding[];
  chain: CertificateSummary[];
}

/**
 * Checks a certificate chain as the server sent it (RULES.md §11, §15): real path building and
 * signature verification against the Apple, Android and Mozilla stores separately, using only the
 * sent intermediates; findings with ids and severities; a verdict per platform; the errMsg a
 * failing platform will show. Pure: no I/O, no clock.
 * @throws WxnetError `tls/chain` (no certificate), `tls/options` (a bad host, now, stores or tls).
 */
export function diagnoseChain(chain: CertificateInput, options: DiagnoseChainOptions): ChainReport;

/** The TLS 1.2 suites a probe tries, one connection each. */
export function tlsProbeSuites(): { iana: string; openssl: string }[];

/** The `wxnet doctor --json` object. */
export interface DoctorReport {
  target: string;
  host: string;
  port: number;
  verdict: Record<TlsPlatform, TlsVerdict>;
  predicted: Partial<Record<TlsPlatform, { errMsg: string; errno?: number }>>;
  findings: Omit<TlsFinding, 'cert'>[];
  chain: CertificateSummary[];
  tls?: { versions: { 'TLSv1': boolean; 'TLSv1.1': boolean; 'TLSv1.2': boolean; 'TLSv1.3': boolean }; ciphers: string[] };
}

export interface DoctorOptions {
  /** Used when the target names no port (443). */
  port?: number;
  /** The host name sent as SNI and checked against the certificate (default: the target's host). */
  servername?: string;
  now?: Date | number | string;
  extraRoots?: CertificateInput;
  /** Per connection, in milliseconds (5000). */
  timeout?: number;
}

/**
 * Node only: probes `target` (`host`, `host:port`, `https://…` or `wss://…`) with node:tls — the chain as
 * sent, TLS 1.0–1.3, the ATS and Chromium TLS 1.2 suites, SNI, OCSP stapling — and diagnoses it.
 * @throws WxnetError `doctor/target` (not a host or https/wss URL), `doctor/connect` (DNS, refused, timeout, no TLS).
 */
export function doctor(target: string, options?: DoctorOptions): Promise<DoctorReport>;

/** DNS-SD (RULES.md §10): the mDNS query a browse of `serviceType` sends. */
export function dnsSdBrowseQuery(serviceType: string): Uint8Array;
/** What one mDNS message means for a browse of `serviceType`. */
export function dnsSdBrowseEvents(bytes: Uint8Array, serviceType: string): Array<
  | { type: 'found'; serviceName: string; ip: string; port: number }
  | { type: 'lost' | 'resolveFail'; serviceName: string }
>;
/** The names an mDNS query asks about (lower case). */
export function dnsSdQuestions(bytes: Uint8Array): string[];
/** A responder's announcement of one service (TTL 0: the goodbye). */
export function dnsSdAnnouncement(name: string, serviceType: string, host: string, ip: string, port: number, ttl: number): Uint8Array;

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
  /** With `focus`: modules its URLs are imported from that `files` lacks, each as the paths tried in order. */
  needs?: string[][];
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
  /** Severities over wxnet.config.json's `rules`, by code. */
  rules?: Record<string, 'off' | 'warn' | 'error'>;
  /**
   * The project's own wrappers, checked like wx.request: `['http.get']` (each calls request) or
   * `{ 'http.upload': 'uploadFile' }`. Their URL is the first argument, or its `url` property;
   * a URL without a scheme (`/user`) is left to the wrapper's own base.
   */
  extraCallees?: string[] | Record<string, 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket'>;
  /** Check only this file's calls (the build plugin's per-module check); the configs' findings are left out. */
  focus?: string;
}

/**
 * Lints a mini program project (RULES.md §12, §13): its configuration files and the
 * URLs its code passes to wx/uni/Taro request, uploadFile, downloadFile and
 * connectSocket. `files` maps paths relative to the project folder to their text
 * (the caller reads them: Node walks the disk, a page gets a dropped folder).
 * @throws WxnetError `arg/lan` for a bad `lan`, `arg/type` for wrong argument types or rules,
 * `arg/api` for an extraCallees API that is not one of the four.
 */
export function lintProject(files: Map<string, string> | Record<string, string>, options?: LintProjectOptions): ProjectReport;

/**
 * The words (the API names, each extraCallees' last name) one of which a file must
 * contain for lintProject to find a call site in it; the build plugin skips the others.
 */
export function lintCallKeywords(extraCallees?: LintProjectOptions['extraCallees'], configText?: string): string[];

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

/** The dev proxy's verdict on the address a host resolved to (RULES.md §14). */
export interface ResolvedAddressVerdict {
  /** Public addresses, and LAN peers the LAN rule allows. */
  allowed: boolean;
  class: 'public' | 'loopback' | 'unspecified' | 'private' | 'shared' | 'link-local' | 'multicast' | 'reserved';
  /** `request:fail wxnet proxy: a.com resolves to 127.0.0.1 (loopback), which it does not forward to` when refused. */
  errMsg?: string;
  errno?: number;
}

/**
 * May a dev proxy connect to `address`, the address `host` resolved to, for `api`
 * (RULES.md §14)? Loopback never; private, link-local and shared addresses only as
 * LAN peers (`lan`, RULES.md §2); IPv4-mapped IPv6 counts as its IPv4 address.
 */
export function checkResolvedAddress(api: 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket', host: string, address: string, lan?: { ip: string; netmask?: string }): ResolvedAddressVerdict;
