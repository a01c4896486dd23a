// The JS half of the tools module's boundary (wxnet_tools_bg.wasm, loaded by the
// `wxnet/tools` entries only): thin wrappers that check init and rethrow WxnetError.
import * as tools from '../wxnet_tools.js';
import { WxnetError, fromCore } from './errors.mjs';
import { typeName } from './type-name.mjs';
import { toolsModule } from './ready.mjs';
import { callKeywordsWith, lintProjectWith } from '../lint/project.mjs';

const lintDomainsFileRaw = fromCore(tools.lintDomainsFile, toolsModule);

const checkResolvedRaw = fromCore(tools.checkResolvedAddress, toolsModule);
/**
 * May a dev proxy connect to `address`, the address `host` resolved to (RULES.md §14)?
 * `{ allowed, class, errMsg?, errno? }`: public addresses pass, LAN peers when `lan`
 * (`{ ip, netmask? }`, as for checkUrl) allows them, loopback and private ones never.
 */
export function checkResolvedAddress(api, host, address, lan) {
  if (lan === undefined || lan === null) return checkResolvedRaw(api, host, address, undefined, undefined);
  if (typeof lan !== 'object') throw new WxnetError('arg/type', `lan must be an object { ip, netmask? }, got ${typeName(lan)}`);
  return checkResolvedRaw(api, host, address, lan.ip, lan.netmask);
}

/**
 * DNS-SD for mDNS discovery (RULES.md §10), what Node's mDNS transport (node/mdns.mjs)
 * sends and reads: the browse query, a received message's events, a query's names,
 * a responder's announcement.
 */
export const dnsSdBrowseQuery = fromCore(tools.dnsSdBrowseQuery, toolsModule);
export const dnsSdBrowseEvents = fromCore(tools.dnsSdBrowseEvents, toolsModule);
export const dnsSdQuestions = fromCore(tools.dnsSdQuestions, toolsModule);
export const dnsSdAnnouncement = fromCore(tools.dnsSdAnnouncement, toolsModule);

/**
 * Lints the text of a server-domain JSON file (RULES.md §1): lintDomains' findings,
 * each with the line and column (1-based, UTF-16) of the key or item it is about.
 */
export function lintDomainsFile(text, options = {}) {
  return lintDomainsFileRaw(text, options?.rules);
}

/**
 * Checks a certificate chain as the server sent it (RULES.md §11): per-platform verdicts,
 * findings and the errMsg a failing platform will show. Pure: `options.now` is required.
 */
export const diagnoseChain = fromCore(tools.diagnoseChain, toolsModule);

/** The TLS 1.2 suites a probe tries: `[{ iana, openssl }]`. */
export const tlsProbeSuites = fromCore(tools.tlsProbeSuites, toolsModule);

/** What an errMsg means (RULES.md §15); unknown text gives key `unknown`, never a throw. */
export const explainErrMsg = fromCore(tools.explainErrMsg, toolsModule);

const lintProjectFilesRaw = fromCore(tools.lintProjectFiles, toolsModule);

/**
 * Lints a mini program project (RULES.md §12, §13): `files` maps paths relative to
 * the project folder to their text; returns `{ diagnostics, summary }`.
 */
export function lintProject(files, options = {}) {
  return lintProjectWith(lintProjectFilesRaw, files, options);
}

const lintCallKeywordsRaw = fromCore(tools.lintCallKeywords, toolsModule);

/**
 * The words (API names, the wrappers' last names) one of which a file must contain
 * for lintProject to find a call site in it: the build plugin skips the others.
 */
export function lintCallKeywords(extraCallees, configText) {
  return callKeywordsWith(lintCallKeywordsRaw, extraCallees, configText);
}

export { formatJson, formatSarif, formatText } from '../lint/format.mjs';
export { isReadFile, isWalkedFolder, decodeText } from '../lint/files.mjs';
