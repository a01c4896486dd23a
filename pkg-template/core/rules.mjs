// The rules engine (RULES.md §1–§4, §7): domain lists, URL checks, timeouts and the
// errMsg catalogue. Every rule is decided in the Rust core; this file only moves
// values across the boundary cheaply:
// - a `domains` object is compiled once into a DomainPolicy kept on the Rust side and
//   cached in a WeakMap keyed by that object (so it is read once: mutate it and the
//   old lists stay in force; pass a new object or a compileDomains() result), and by
//   its JSON text, so that a fresh inline `{ domains: { … } }` per call with the same
//   lists costs a JSON.stringify, not a compilation;
// - a verdict comes back as a number (reason code, port, host position), and the
//   result object is built from a frozen table the core produced once;
// - checkUrls crosses the boundary once for the whole batch.
import * as core from '../wxnet.js';
import { WxnetError, fromCore, notReady } from './errors.mjs';
import { frozenOnce, remember } from './memo.mjs';
import { isReady } from './ready.mjs';
import { typeName } from './type-name.mjs';
import {
  API_NAMES, BATCH_SEPARATOR as SEPARATOR, FETCH_HOST, FLAG_LAN, FLAG_URL_CHECK, FLAG_WSS_PORT_CHECK,
  HIGH_WORD as TWO_TO_32, INVALID_URL, PORT_MASK, PORT_SHIFT, REASON_MASK, SPAN_LENGTH_SHIFT, SPAN_START_MASK,
} from './abi.generated.mjs';

const API_INDEX = new Map(API_NAMES.map((name, index) => [name, index]));

/** Compiled domain lists (see compileDomains); accepted as `options.domains`. */
export const DomainPolicy = core.DomainPolicy;
export const lintDomains = fromCore(core.lintDomains);
export const normalizeDomains = fromCore(core.normalizeDomains);
export const compileDomains = fromCore(core.compileDomains);
export const resolveTimeout = fromCore(core.resolveTimeout);
export const resolveUrlCheck = fromCore(core.resolveUrlCheck);
export const errMsgFor = fromCore(core.errMsgFor);

/** What wx.request accepts and assumes (RULES.md §9), frozen: `{ methods, contentType }`. */
export const requestDefaults = frozenOnce(fromCore(core.requestDefaults));

/**
 * The client's limits (RULES.md §4, §6, §9), frozen: `{ concurrent: { request: 10,
 * uploadFile: 10, downloadFile: 10, connectSocket: 5 }, backgroundGraceMs: 5000,
 * maxDownloadBytes, maxCloseReasonBytes: 123, defaultTimeoutMs, maxTimeoutMs }`.
 */
export const networkLimits = frozenOnce(fromCore(core.networkLimits));

const parseLan = fromCore(core.parseLan);
const checkTarget = fromCore(core.checkSocketTarget);
const checkBatch = fromCore((policy, ...args) => policy.checkBatch(...args));

// Per API index, per reason code: { ok, reason, errno, head, tail, withUrl, errMsg }.
const table = frozenOnce(() => {
  const rows = core.verdictTable();
  return [...API_INDEX.keys()].map((api) => rows.map((row) => ({ ...row, errMsg: row.withUrl ? undefined : api + row.head })));
});

// The settings of the current call, set by readOptions (no allocation per call).
let policy;
let flags;
let lanIp;
let lanPrefix;
let emptyPolicy;
const policies = new WeakMap();
const lans = new WeakMap();
// Compiled lists by JSON text, least recently used first. Lists whose text is larger
// than CONTENT_KEY_LIMIT are compiled once per object only (the key would cost more).
const policiesByContent = new Map();
const CONTENT_CACHE_SIZE = 64;
const CONTENT_KEY_LIMIT = 64 * 1024;

function contentKey(domains) {
  try {
    const text = JSON.stringify(domains);
    return typeof text === 'string' && text.length <= CONTENT_KEY_LIMIT ? text : undefined;
  } catch {
    return undefined; // a BigInt or a cycle: the core will say what is wrong
  }
}

function compileByContent(domains) {
  const key = contentKey(domains);
  if (key === undefined) return compileDomains(domains);
  let compiled = policiesByContent.get(key);
  if (compiled === undefined) {
    compiled = compileDomains(domains);
    if (policiesByContent.size >= CONTENT_CACHE_SIZE) policiesByContent.delete(policiesByContent.keys().next().value);
  }
  policiesByContent.delete(key); // (re)inserted as the most recently used
  policiesByContent.set(key, compiled);
  return compiled;
}

function policyFor(domains) {
  if (domains === undefined || domains === null) return (emptyPolicy ??= core.compileDomains(undefined));
  if (domains instanceof core.DomainPolicy) return domains;
  if (typeof domains !== 'object') {
    throw new WxnetError('arg/type', `options.domains must be an object like { requestdomain: ["https://a.com"] }, got ${typeName(domains)}`);
  }
  return remember(policies, domains, () => compileByContent(domains));
}

function readLan(lan) {
  if (typeof lan !== 'object' || lan === null) {
    throw new WxnetError('arg/type', `options.lan must be an object { ip, netmask? }, got ${typeName(lan)}`);
  }
  const parsed = remember(lans, lan, () => parseLan(lan.ip, lan.netmask));
  lanIp = parsed[0];
  lanPrefix = parsed[1];
}

function readOptions(options) {
  lanIp = 0;
  lanPrefix = 0;
  if (options === undefined || options === null) {
    policy = policyFor(undefined);
    flags = FLAG_URL_CHECK;
    return;
  }
  if (typeof options !== 'object') throw new WxnetError('arg/type', `options must be an object, got ${typeName(options)}`);
  policy = policyFor(options.domains);
  const { urlCheck, wssPortCheck, lan } = options;
  if (urlCheck !== undefined && typeof urlCheck !== 'boolean') {
    throw new WxnetError('arg/type', `options.urlCheck must be a boolean, got ${typeName(urlCheck)}`);
  }
  if (wssPortCheck !== undefined && typeof wssPortCheck !== 'boolean') {
    throw new WxnetError('arg/type', `options.wssPortCheck must be a boolean, got ${typeName(wssPortCheck)}`);
  }
  flags = (urlCheck === false ? 0 : FLAG_URL_CHECK) | (wssPortCheck === true ? FLAG_WSS_PORT_CHECK : 0);
  if (lan !== undefined && lan !== null) {
    readLan(lan);
    flags |= FLAG_LAN;
  }
}

function apiIndexOf(api) {
  const index = typeof api === 'string' ? API_INDEX.get(api) : undefined;
  if (index === undefined) {
    const shown = typeof api === 'string' ? JSON.stringify(api) : typeName(api);
    throw new WxnetError('arg/api', `api ${shown} must be one of ${API_NAMES.join(', ')}`);
  }
  return index;
}

function result(row, api, url, portPlusOne, host) {
  const verdict = {
    ok: row.ok,
    reason: row.reason,
    errMsg: row.withUrl ? api + row.head + url + row.tail : row.errMsg,
  };
  if (row.errno !== undefined) verdict.errno = row.errno;
  if (host !== undefined) verdict.host = host;
  if (portPlusOne !== 0) verdict.port = portPlusOne - 1;
  return verdict;
}

function checkOne(apiIndex, api, url) {
  const packed = policy.check(apiIndex, url, flags, lanIp, lanPrefix);
  const low = packed % TWO_TO_32;
  const high = (packed - low) / TWO_TO_32;
  const code = high & REASON_MASK;
  let host;
  if (code !== INVALID_URL) {
    host = low !== 0
      ? url.slice(low & SPAN_START_MASK, (low & SPAN_START_MASK) + (low >>> SPAN_LENGTH_SHIFT))
      : core.takeCheckedHosts();
  }
  return result(table()[apiIndex][code], api, url, high >>> PORT_SHIFT, host);
}

/** May `api` reach `url`? See rules.d.ts. */
export function checkUrl(api, url, options) {
  if (!isReady()) throw notReady();
  const apiIndex = apiIndexOf(api);
  if (typeof url !== 'string') throw new WxnetError('arg/type', `url must be a string, got ${typeName(url)}`);
  readOptions(options);
  return checkOne(apiIndex, api, url);
}

/** checkUrl for many URLs with one boundary crossing; verdicts in input order. */
export function checkUrls(api, urls, options) {
  if (!isReady()) throw notReady();
  const apiIndex = apiIndexOf(api);
  if (!Array.isArray(urls)) throw new WxnetError('arg/type', `urls must be an array of strings, got ${typeName(urls)}`);
  for (let i = 0; i < urls.length; i++) {
    if (typeof urls[i] !== 'string') throw new WxnetError('arg/type', `urls[${i}] must be a string, got ${typeName(urls[i])}`);
  }
  readOptions(options);
  const count = urls.length;
  const words = checkBatch(policy, apiIndex, urls.join(SEPARATOR), count, flags, lanIp, lanPrefix);
  if (words.length !== count * 2) {
    // A URL contained the separator: check one by one (still correct, just slower).
    return urls.map((url) => checkOne(apiIndex, api, url));
  }
  const rows = table()[apiIndex];
  const out = new Array(count);
  let fetched;
  let next = 0;
  for (let i = 0; i < count; i++) {
    const head = words[2 * i];
    const span = words[2 * i + 1];
    const code = head & REASON_MASK;
    const url = urls[i];
    let host;
    if (head & FETCH_HOST) {
      fetched ??= core.takeCheckedHosts().split(SEPARATOR);
      host = fetched[next++];
    } else if (code !== INVALID_URL) {
      host = url.slice(span & SPAN_START_MASK, (span & SPAN_START_MASK) + (span >>> SPAN_LENGTH_SHIFT));
    }
    out[i] = result(rows[code], api, url, (head >>> PORT_SHIFT) & PORT_MASK, host);
  }
  return out;
}

/**
 * May a `udp`/`tcp` socket reach `address`:`port` (RULES.md §2, §10)? The same
 * options as checkUrl (`domains` with udpdomain/tcpdomain, `lan`, `urlCheck`);
 * returns `{ ok, reason, errMsg? }`.
 */
export function checkSocketTarget(protocol, address, port, options) {
  if (!isReady()) throw notReady();
  readOptions(options);
  return checkTarget(policy, protocol, address, port, flags, lanIp, lanPrefix);
}

/** `{ errMsg }` when the client refuses this mDNS `serviceType` (RULES.md §10), else undefined. */
export const serviceTypeError = fromCore(core.serviceTypeError);
